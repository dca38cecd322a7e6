namespace AfterSales.Modules.Scheduling;

/// <summary>The texts of appointments, the calendar and My work (ScheduleText.tsv → .resx).</summary>
public sealed class ScheduleText;

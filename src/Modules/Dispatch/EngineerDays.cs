namespace AfterSales.Modules.Dispatch;

/// <summary>The week as a Chinese (and ISO) calendar shows it: Monday first.</summary>
public static class EngineerDays
{
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}

namespace AfterSales.Modules.Reminders;

/// <summary>The texts of care and warranty reminders (ReminderText.tsv → .resx).</summary>
public sealed class ReminderText;

namespace AfterSales.Workflows.Sla;

/// <summary>
/// One working period of a weekday, in the calendar's local time. <see cref="To"/> of 00:00 means midnight at the end
/// of the day, so a night shift is written as two periods (22:00–00:00 and 00:00–06:00 of the next day).
/// </summary>
/// <param name="Day">Weekday.</param>
/// <param name="From">Start, inclusive.</param>
/// <param name="To">End, exclusive; 00:00 for the end of the day.</param>
public sealed record WorkingHours(DayOfWeek Day, TimeOnly From, TimeOnly To)
{
    internal TimeSpan Start => From.ToTimeSpan();

    internal TimeSpan End => To == TimeOnly.MinValue ? TimeSpan.FromDays(1) : To.ToTimeSpan();
}

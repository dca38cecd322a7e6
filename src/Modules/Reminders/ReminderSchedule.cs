namespace AfterSales.Modules.Reminders;

/// <summary>Quiet hours as the tenant's clocks read them; from 21:00 until 08:00 spans midnight.</summary>
public readonly record struct QuietHours(TimeOnly From, TimeOnly Until)
{
    public bool Contains(TimeOnly time) => From < Until ? time >= From && time < Until : time >= From || time < Until;
}

/// <summary>When reminders are due: days counted in the tenant's calendar, instants kept in UTC.</summary>
public static class ReminderSchedule
{
    public const int MinOffset = 1;
    public const int MaxOffset = 365;
    public const int MaxOffsets = 5;

    /// <summary>How far ahead reminders are planned, and so shown to the admin as upcoming.</summary>
    public const int HorizonDays = 30;

    /// <summary>
    /// A unit first seen after its reminder's day (registered late, or the scan was down) still gets it within this many days,
    /// as long as it is under warranty; older ones are left out rather than sent together with the next.
    /// </summary>
    public const int CatchUpDays = 7;

    /// <summary>"30, 7" → [30, 7], descending and distinct; null when a part is not a whole number of days in range or there are too many.</summary>
    public static IReadOnlyList<int>? ParseOffsets(string? text) => ReminderKinds.ParseOffsets(ReminderKind.WarrantyExpiry, text);

    /// <summary>
    /// The reminders a unit whose warranty ends on <paramref name="end"/> should have on <paramref name="today"/>: one per
    /// offset whose day is within the planning horizon, not longer ago than the catch-up window, while the warranty lasts.
    /// </summary>
    public static IEnumerable<(int Offset, DateOnly DueDate)> DueDates(DateOnly? end, IReadOnlyList<int> offsets, DateOnly today)
    {
        if (end is not { } last || last < today)
        {
            yield break;
        }

        foreach (var offset in offsets)
        {
            var due = last.AddDays(-offset);
            if (due <= today.AddDays(HorizonDays) && due >= today.AddDays(-CatchUpDays))
            {
                yield return (offset, due);
            }
        }
    }

    /// <summary>The start of <paramref name="dueDate"/> in <paramref name="zone"/>, or the end of the quiet hours it falls in.</summary>
    public static DateTimeOffset DueAt(DateOnly dueDate, TimeZoneInfo zone, QuietHours? quiet) =>
        NotQuiet(Utc(dueDate.ToDateTime(TimeOnly.MinValue), zone), zone, quiet);

    /// <summary><paramref name="instant"/> when it is outside the quiet hours, otherwise the instant they end.</summary>
    public static DateTimeOffset NotQuiet(DateTimeOffset instant, TimeZoneInfo zone, QuietHours? quiet)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        if (quiet is not { } hours || !hours.Contains(time))
        {
            return instant.ToUniversalTime();
        }

        // Quiet hours across midnight entered in the evening end tomorrow morning.
        var day = DateOnly.FromDateTime(local);
        var endDay = hours.From > hours.Until && time >= hours.From ? day.AddDays(1) : day;
        return Utc(endDay.ToDateTime(hours.Until), zone);
    }

    /// <summary>The tenant's calendar day at <paramref name="instant"/>.</summary>
    public static DateOnly Today(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    // A time a daylight-saving change skips or repeats takes the zone's standard offset, as visit windows do.
    private static DateTimeOffset Utc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(unspecified) ? zone.BaseUtcOffset : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}

namespace AfterSales.Modules.Scheduling;

/// <summary>A Monday-to-Sunday week, as Chinese (and ISO) calendars show it, and the calendar's rows built over it.</summary>
public sealed record CalendarWeek(DateOnly Monday)
{
    public static CalendarWeek Of(DateOnly day) => new(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)));

    public DateOnly Sunday => Monday.AddDays(6);
    public IReadOnlyList<DateOnly> Days => [.. Enumerable.Range(0, 7).Select(Monday.AddDays)];
    public CalendarWeek Previous => new(Monday.AddDays(-7));
    public CalendarWeek Next => new(Monday.AddDays(7));

    public bool Contains(DateOnly day) => day >= Monday && day <= Sunday;

    /// <summary>
    /// A row per engineer, in the order given, each day holding their visits by start time; an engineer who no longer appears
    /// among <paramref name="engineers"/> (the role was taken away) still gets a row for the visits they had.
    /// </summary>
    public IReadOnlyList<CalendarRow> Rows(IReadOnlyList<CalendarEngineer> engineers, IReadOnlyList<CalendarEntry> entries)
    {
        var byEngineer = entries.Where(e => Contains(e.Day)).ToLookup(e => e.EngineerId, StringComparer.Ordinal);
        var known = engineers.Select(e => e.UserId).ToHashSet(StringComparer.Ordinal);
        var former = byEngineer.Where(g => !known.Contains(g.Key))
            .Select(g => new CalendarEngineer(g.Key, g.First().EngineerName, null))
            .OrderBy(e => e.Name, StringComparer.CurrentCulture);
        return [.. engineers.Concat(former).Select(engineer => new CalendarRow(engineer, [.. Days.Select(day => new CalendarDay(day, !engineer.WorksOn(day),
            [.. byEngineer[engineer.UserId].Where(e => e.Day == day).OrderBy(e => e.From).ThenBy(e => e.RequestNumber, StringComparer.Ordinal)]))]))];
    }

    /// <summary>Every day of the week with the visits of that day by start time, for the narrow screen's list.</summary>
    public IReadOnlyList<CalendarDay> Agenda(IReadOnlyList<CalendarEntry> entries) =>
        [.. Days.Select(day => new CalendarDay(day, false,
            [.. entries.Where(e => e.Day == day).OrderBy(e => e.From).ThenBy(e => e.EngineerName, StringComparer.CurrentCulture).ThenBy(e => e.RequestNumber, StringComparer.Ordinal)]))];
}

/// <param name="WorkingDays">From the engineer's profile; null without one (they work any day).</param>
public sealed record CalendarEngineer(string UserId, string Name, IReadOnlyList<DayOfWeek>? WorkingDays)
{
    public bool WorksOn(DateOnly day) => WorkingDays?.Contains(day.DayOfWeek) ?? true;
}

public sealed record CalendarRow(CalendarEngineer Engineer, IReadOnlyList<CalendarDay> Days);

public sealed record CalendarDay(DateOnly Day, bool IsDayOff, IReadOnlyList<CalendarEntry> Entries);

using System.Text.Json.Serialization;

namespace AfterSales.Workflows.Sla;

/// <summary>
/// A tenant's working time: weekly hours in its time zone, holidays, and make-up working days. SLA clocks and
/// business-time timers count only time inside it.
/// </summary>
public sealed class BusinessCalendar
{
    // Ten years of search bounds every loop; only a calendar that is all holidays could exhaust it.
    private const int MaxDaysSearched = 3660;

    private readonly TimeZoneInfo timeZone;
    private readonly Dictionary<DayOfWeek, (TimeSpan Start, TimeSpan End)[]> periodsByDay;
    private readonly HashSet<DateOnly> holidays;
    private readonly Dictionary<DateOnly, DayOfWeek> makeUpDays;

    /// <summary>Builds a calendar; throws <see cref="ArgumentException"/> for an unknown time zone, no working hours or an empty period.</summary>
    /// <param name="timeZoneId">IANA or Windows time zone id, e.g. <c>Asia/Shanghai</c>.</param>
    /// <param name="hours">Weekly working periods.</param>
    /// <param name="holidays">Dates without work.</param>
    /// <param name="makeUpDays">Free dates declared working days.</param>
    [JsonConstructor]
    public BusinessCalendar(string timeZoneId, IReadOnlyList<WorkingHours> hours, IReadOnlyList<DateOnly>? holidays = null, IReadOnlyList<MakeUpDay>? makeUpDays = null)
    {
        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId), e);
        }

        if (hours.Count == 0)
        {
            throw new ArgumentException("A business calendar needs at least one working period.", nameof(hours));
        }

        if (hours.FirstOrDefault(h => h.End <= h.Start) is { } empty)
        {
            throw new ArgumentException($"Working period {empty.Day} {empty.From}–{empty.To} is empty.", nameof(hours));
        }

        TimeZoneId = timeZoneId;
        Hours = hours;
        Holidays = holidays ?? [];
        MakeUpDays = makeUpDays ?? [];
        periodsByDay = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => Merge(hours.Where(h => h.Day == d)));
        this.holidays = [.. Holidays];
        this.makeUpDays = MakeUpDays.ToDictionary(m => m.Date, m => m.WorksAs);
    }

    /// <summary>Round the clock, every day, UTC: the calendar used when a tenant has none.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        "UTC", Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeOnly.MinValue, TimeOnly.MinValue)).ToList());

    /// <summary>Time zone id the hours are in.</summary>
    public string TimeZoneId { get; }

    /// <summary>Weekly working periods.</summary>
    public IReadOnlyList<WorkingHours> Hours { get; }

    /// <summary>Dates without work.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; }

    /// <summary>Free dates declared working days.</summary>
    public IReadOnlyList<MakeUpDay> MakeUpDays { get; }

    /// <summary>The instant <paramref name="duration"/> of business time after <paramref name="start"/> (in UTC).</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        start = start.ToUniversalTime();
        if (duration == TimeSpan.Zero)
        {
            return start;
        }

        var remaining = duration;
        var date = LocalDate(start);
        for (var day = 0; day < MaxDaysSearched; day++, date = date.AddDays(1))
        {
            foreach (var (from, to) in PeriodsOn(date))
            {
                if (to <= start)
                {
                    continue;
                }

                var begin = from > start ? from : start;
                var available = to - begin;
                if (remaining <= available)
                {
                    return begin + remaining;
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException("The business calendar has no working time in the next ten years.");
    }

    /// <summary>Business time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            foreach (var (start, end) in PeriodsOn(date))
            {
                var begin = start > from ? start : from;
                var finish = end < to ? end : to;
                if (finish > begin)
                {
                    total += finish - begin;
                }
            }
        }

        return total;
    }

    /// <summary>Whether <paramref name="instant"/> falls inside working time.</summary>
    public bool IsWorkingTime(DateTimeOffset instant) =>
        PeriodsOn(LocalDate(instant)).Any(p => p.From <= instant && instant < p.To);

    /// <summary>The local calendar date of <paramref name="instant"/> in the tenant's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

    /// <summary>The instant a local date and time of day stands for; a time skipped by a clock change moves forward past the gap.</summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).Add(timeOfDay);
        // Inside a spring-forward gap the local time does not exist; reading it with the offset in force before the
        // gap lands the same distance past the gap's end, as most calendars do.
        var offset = timeZone.IsInvalidTime(local) ? timeZone.GetUtcOffset(local.AddHours(-6)) : timeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> PeriodsOn(DateOnly date)
    {
        DayOfWeek weekday;
        if (makeUpDays.TryGetValue(date, out var worksAs))
        {
            weekday = worksAs;
        }
        else if (holidays.Contains(date))
        {
            yield break;
        }
        else
        {
            weekday = date.DayOfWeek;
        }

        foreach (var (start, end) in periodsByDay[weekday])
        {
            yield return (ToInstant(date, start), ToInstant(date, end));
        }
    }

    private static (TimeSpan Start, TimeSpan End)[] Merge(IEnumerable<WorkingHours> hours)
    {
        var merged = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var h in hours.OrderBy(h => h.Start))
        {
            if (merged.Count > 0 && h.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, h.End > merged[^1].End ? h.End : merged[^1].End);
            }
            else
            {
                merged.Add((h.Start, h.End));
            }
        }

        return [.. merged];
    }
}

namespace AfterSales.Modules.Reminders;

/// <summary>When a unit's maintenance visits and consumable replacements fall, in the tenant's calendar days.</summary>
public static class CareSchedule
{
    public const int MinIntervalMonths = 1;
    public const int MaxIntervalMonths = 60;

    /// <summary>
    /// The visits of a plan every <paramref name="intervalMonths"/> months from <paramref name="start"/> that fall between
    /// <paramref name="from"/> and <paramref name="until"/>. Each is counted from the start rather than from the visit before, so
    /// a plan from 31 January visits on 30 April and 31 July instead of drifting to the 28th after February.
    /// </summary>
    public static IEnumerable<DateOnly> Visits(DateOnly start, int intervalMonths, DateOnly from, DateOnly until)
    {
        if (intervalMonths < MinIntervalMonths)
        {
            yield break;
        }

        // Skips the visits long past without walking through them: whole intervals before the window's first month.
        var monthsToFrom = ((from.Year - start.Year) * 12) + from.Month - start.Month;
        for (var k = Math.Max(1, (monthsToFrom / intervalMonths) - 1); ; k++)
        {
            var months = (long)k * intervalMonths;
            if (months > 12 * (DateOnly.MaxValue.Year - start.Year - 1))
            {
                yield break;
            }

            var visit = start.AddMonths((int)months);
            if (visit > until)
            {
                yield break;
            }

            if (visit >= from)
            {
                yield return visit;
            }
        }
    }

    /// <summary>Whether <paramref name="day"/> is one of the plan's visits.</summary>
    public static bool IsVisit(DateOnly start, int intervalMonths, DateOnly day) => Visits(start, intervalMonths, day, day).Any();

    /// <summary>
    /// When a consumable is next due: its lifetime after the last replacement, or after the unit was put into service when it was
    /// never replaced (a replacement recorded before that day, as on a unit re-registered, does not count).
    /// </summary>
    public static DateOnly? ReplacementDue(DateOnly? inService, DateOnly? lastReplaced, int lifetimeDays)
    {
        if (lifetimeDays < 1)
        {
            return null;
        }

        var basis = lastReplaced is { } replaced && (inService is null || replaced >= inService) ? replaced : inService;
        return basis?.AddDays(lifetimeDays);
    }

    /// <summary>
    /// The reminders an event on <paramref name="day"/> should have on <paramref name="today"/>: one per offset (days before it)
    /// whose day lies within the planning horizon and not longer ago than the catch-up window, for an event not itself long past.
    /// </summary>
    public static IEnumerable<(int Offset, DateOnly DueDate)> ReminderDays(DateOnly day, IReadOnlyList<int> offsets, DateOnly today)
    {
        if (day < today.AddDays(-ReminderSchedule.CatchUpDays))
        {
            yield break;
        }

        foreach (var offset in offsets)
        {
            var due = day.AddDays(-offset);
            if (due <= today.AddDays(ReminderSchedule.HorizonDays) && due >= today.AddDays(-ReminderSchedule.CatchUpDays))
            {
                yield return (offset, due);
            }
        }
    }
}

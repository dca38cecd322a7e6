namespace AfterSales.Modules.Reminders;

/// <summary>Where a request stands, as far as its reminders care: open or not, its deadline, since when it waits on its customer.</summary>
/// <param name="Deadline">The SLA's due time, else the end of the requested date; null while the SLA is paused or without either.</param>
/// <param name="WaitingSince">When it entered the waiting status it is in; null when it is not waiting.</param>
public readonly record struct RequestStanding(bool IsOpen, DateTimeOffset? Deadline, DateTimeOffset? WaitingSince);

/// <summary>
/// When request reminders are due. A reminder is keyed by what it counts from (deadline or start of the wait) and its offset, so
/// a request whose deadline moved or that stopped waiting gets new reminders and its old ones no longer hold.
/// </summary>
public static class RequestReminderSchedule
{
    /// <summary>How far ahead request reminders are planned: the scan plans them every run, so two days is plenty.</summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromDays(2);

    /// <summary>An overdue or no-response reminder missed (host down) is caught up within this, and left out when older.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromDays(ReminderSchedule.CatchUpDays);

    /// <summary>The instant a reminder of <paramref name="kind"/> with <paramref name="offset"/> counted from <paramref name="basis"/> is due.</summary>
    public static DateTimeOffset DueAt(ReminderKind kind, int offset, DateTimeOffset basis) => kind switch
    {
        ReminderKind.RequestDueSoon => basis - TimeSpan.FromHours(offset),
        ReminderKind.RequestOverdue => basis + TimeSpan.FromHours(offset),
        _ => basis + TimeSpan.FromDays(offset),
    };

    /// <summary>What a reminder of <paramref name="kind"/> counts from for a request standing so; null when it has nothing to count from.</summary>
    public static DateTimeOffset? Basis(ReminderKind kind, RequestStanding standing) => !standing.IsOpen ? null : kind switch
    {
        ReminderKind.RequestDueSoon or ReminderKind.RequestOverdue => standing.WaitingSince is null ? standing.Deadline : null,
        ReminderKind.RequestNoResponse => standing.WaitingSince,
        _ => null,
    };

    /// <summary>
    /// The reminders the request should have at <paramref name="now"/>: each offset due within the lookahead, not longer ago than
    /// the catch-up; a due-soon reminder only while the deadline is still ahead (one planned late is sent at once).
    /// </summary>
    public static IEnumerable<(int Offset, DateTimeOffset Basis, DateTimeOffset DueAt)> Planned(ReminderKind kind, IReadOnlyList<int> offsets,
        RequestStanding standing, DateTimeOffset now)
    {
        if (Basis(kind, standing) is not { } basis)
        {
            yield break;
        }

        foreach (var offset in offsets)
        {
            var due = DueAt(kind, offset, basis);
            if (due <= now + Lookahead && Holds(kind, basis, standing, now) && (kind == ReminderKind.RequestDueSoon || due >= now - CatchUp))
            {
                yield return (offset, basis, due);
            }
        }
    }

    /// <summary>Whether a reminder counted from <paramref name="basis"/> is still worth sending to a request standing so at <paramref name="now"/>.</summary>
    public static bool Holds(ReminderKind kind, DateTimeOffset basis, RequestStanding standing, DateTimeOffset now) =>
        Basis(kind, standing) == basis && (kind != ReminderKind.RequestDueSoon || basis > now);
}

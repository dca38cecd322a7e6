using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AfterSales.Workflows.Sla;

/// <summary>
/// One SLA clock of a request. It stores the business time accrued so far and its pauses rather than a due date, so
/// a new policy target or calendar changes only what is still to come, never what has been counted.
/// </summary>
public sealed record SlaClock
{
    /// <summary>Which promise.</summary>
    public required SlaClockKind Kind { get; init; }

    /// <summary>Business time allowed.</summary>
    public required TimeSpan Target { get; init; }

    /// <summary>When the clock started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Business time counted up to <see cref="RunningSince"/> (or up to the pause or stop).</summary>
    public TimeSpan Accrued { get; init; }

    /// <summary>Start of the current running stretch; null while paused or stopped.</summary>
    public DateTimeOffset? RunningSince { get; init; }

    /// <summary>When the clock was stopped.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>Pauses, oldest first; the last is open while the clock is paused.</summary>
    public ImmutableList<SlaPause> Pauses { get; init; } = [];

    /// <summary>Running, paused or stopped.</summary>
    [JsonIgnore]
    public SlaClockState State => StoppedAt is not null ? SlaClockState.Stopped : RunningSince is not null ? SlaClockState.Running : SlaClockState.Paused;

    /// <summary>A clock starting at <paramref name="at"/>.</summary>
    public static SlaClock Start(SlaClockKind kind, TimeSpan target, DateTimeOffset at) =>
        new() { Kind = kind, Target = target, StartedAt = at, RunningSince = at };

    /// <summary>Business time used up to <paramref name="at"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset at, BusinessCalendar calendar) =>
        RunningSince is { } since ? Accrued + calendar.BusinessTimeBetween(since, at) : Accrued;

    /// <summary>Business time left at <paramref name="at"/>; negative once breached.</summary>
    public TimeSpan Remaining(DateTimeOffset at, BusinessCalendar calendar) => Target - Elapsed(at, calendar);

    /// <summary>Whether more business time than the target has been used by <paramref name="at"/>.</summary>
    public bool IsBreached(DateTimeOffset at, BusinessCalendar calendar) => Elapsed(at, calendar) > Target;

    /// <summary>When the target runs out if nothing pauses the clock; null while paused or stopped.</summary>
    public DateTimeOffset? DueAt(BusinessCalendar calendar) =>
        RunningSince is { } since ? calendar.AddBusinessTime(since, Target > Accrued ? Target - Accrued : TimeSpan.Zero) : null;

    /// <summary>Wall-clock time spent paused up to <paramref name="at"/>.</summary>
    public TimeSpan PausedFor(DateTimeOffset at) =>
        Pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + ((p.To ?? at) - p.From));

    /// <summary>Stops counting until <see cref="Resume"/>; no change unless running.</summary>
    public SlaClock Pause(DateTimeOffset at, BusinessCalendar calendar) => State != SlaClockState.Running ? this : this with
    {
        Accrued = Elapsed(at, calendar),
        RunningSince = null,
        Pauses = Pauses.Add(new SlaPause(at, null)),
    };

    /// <summary>Counts again after a pause; no change unless paused.</summary>
    public SlaClock Resume(DateTimeOffset at) => State != SlaClockState.Paused ? this : this with
    {
        RunningSince = at,
        Pauses = CloseOpenPause(at),
    };

    /// <summary>Settles the clock; no change once stopped.</summary>
    public SlaClock Stop(DateTimeOffset at, BusinessCalendar calendar) => State == SlaClockState.Stopped ? this : this with
    {
        Accrued = Elapsed(at, calendar),
        RunningSince = null,
        StoppedAt = at,
        Pauses = CloseOpenPause(at),
    };

    /// <summary>The same clock with a new target (a policy change); accrued time and pauses are kept.</summary>
    public SlaClock WithTarget(TimeSpan target) => this with { Target = target };

    private ImmutableList<SlaPause> CloseOpenPause(DateTimeOffset at) =>
        Pauses.Count > 0 && Pauses[^1].To is null ? Pauses.SetItem(Pauses.Count - 1, Pauses[^1] with { To = at }) : Pauses;
}

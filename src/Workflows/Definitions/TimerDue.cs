namespace AfterSales.Workflows.Definitions;

/// <summary>
/// When a timer fires; exactly one of <see cref="Duration"/>, <see cref="Field"/> and <see cref="SlaClock"/> is set.
/// </summary>
public sealed record TimerDue
{
    /// <summary>Fires this long after the timer starts.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Counts <see cref="Duration"/> in the tenant's business hours instead of wall-clock time.</summary>
    public bool BusinessTime { get; init; }

    /// <summary>
    /// A date field of the request (e.g. <c>requestedDate</c>). A date without time means the end of that day in the
    /// tenant's time zone; an absent or empty field leaves the timer unarmed.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>Fires when this SLA clock runs out; follows the clock through pauses.</summary>
    public Sla.SlaClockKind? SlaClock { get; init; }

    /// <summary>Added to a <see cref="Field"/> due instant (negative to fire before it).</summary>
    public TimeSpan? Offset { get; init; }

    /// <summary>Due a fixed time after start.</summary>
    public static TimerDue After(TimeSpan duration, bool businessTime = false) => new() { Duration = duration, BusinessTime = businessTime };

    /// <summary>Due at a date field of the request.</summary>
    public static TimerDue AtField(string field, TimeSpan? offset = null) => new() { Field = field, Offset = offset };

    /// <summary>Due when an SLA clock runs out.</summary>
    public static TimerDue AtSla(Sla.SlaClockKind clock) => new() { SlaClock = clock };
}

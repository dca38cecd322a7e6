namespace AfterSales.Workflows.Timers;

/// <summary>An instruction to the host's scheduler (Quartz), produced with every instance change and applied after it commits.</summary>
/// <param name="Kind">Schedule or cancel.</param>
/// <param name="Id">Job identity.</param>
/// <param name="DueAt">When to fire, for <see cref="TimerCommandKind.Schedule"/>.</param>
public sealed record TimerCommand(TimerCommandKind Kind, TimerId Id, DateTimeOffset? DueAt = null)
{
    /// <summary>Schedule <paramref name="id"/> at <paramref name="dueAt"/>.</summary>
    public static TimerCommand Schedule(TimerId id, DateTimeOffset dueAt) => new(TimerCommandKind.Schedule, id, dueAt);

    /// <summary>Cancel <paramref name="id"/>.</summary>
    public static TimerCommand Cancel(TimerId id) => new(TimerCommandKind.Cancel, id);
}

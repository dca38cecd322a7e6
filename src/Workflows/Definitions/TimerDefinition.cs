using AfterSales.Workflows.Actions;

namespace AfterSales.Workflows.Definitions;

/// <summary>
/// Something that happens by itself after a while: an automatic transition, actions, or both. The host schedules
/// it from the <see cref="Timers.TimerCommand"/>s the engine returns and calls back when it is due.
/// </summary>
public sealed record TimerDefinition
{
    /// <summary>Stable key, unique in the definition.</summary>
    public required string Key { get; init; }

    /// <summary>Display name for the designer and the history.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>What arms the timer.</summary>
    public TimerStart StartsOn { get; init; } = TimerStart.StatusEntered;

    /// <summary>The status whose entry arms the timer, when <see cref="StartsOn"/> is <see cref="TimerStart.StatusEntered"/>.</summary>
    public string? Status { get; init; }

    /// <summary>When it fires.</summary>
    public required TimerDue Due { get; init; }

    /// <summary>Transition fired as the system when the timer is due (skipped if it cannot leave the current status or its condition is false).</summary>
    public string? Transition { get; init; }

    /// <summary>Actions run when the timer is due, before those of <see cref="Transition"/>.</summary>
    public IReadOnlyList<WorkflowAction> Actions { get; init; } = [];
}

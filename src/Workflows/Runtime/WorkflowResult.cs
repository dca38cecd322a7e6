using AfterSales.Workflows.Timers;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// The outcome of an engine call that may change an instance: either the new state with what the host must do
/// (actions in order, timer commands, a history entry) or a refusal. Nothing has happened yet when it is returned;
/// the host saves <see cref="Instance"/> with a version check, then runs <see cref="Actions"/> and <see cref="TimerCommands"/>.
/// </summary>
public sealed record WorkflowResult
{
    /// <summary>Why nothing changed; null on success.</summary>
    public TransitionRefusal? Refusal { get; init; }

    /// <summary>Whether the change was accepted.</summary>
    public bool Succeeded => Refusal is null;

    /// <summary>The new instance state on success.</summary>
    public WorkflowInstance? Instance { get; init; }

    /// <summary>Actions for the host, in order: timer, exit, transition, entry.</summary>
    public IReadOnlyList<ActionStep> Actions { get; init; } = [];

    /// <summary>Jobs to schedule or cancel, in order.</summary>
    public IReadOnlyList<TimerCommand> TimerCommands { get; init; } = [];

    /// <summary>The history entry to append.</summary>
    public HistoryEntry? History { get; init; }

    /// <summary>The transition form values, for actions that read a form field.</summary>
    public IReadOnlyDictionary<string, object?> FormValues { get; init; } = new Dictionary<string, object?>();

    internal static WorkflowResult Refused(TransitionRefusal refusal) => new() { Refusal = refusal };
}

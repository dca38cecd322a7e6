using AfterSales.Workflows.Actions;

namespace AfterSales.Workflows.Definitions;

/// <summary>A move from one of several statuses to one status, with who, when, what input and what effects.</summary>
public sealed record TransitionDefinition
{
    /// <summary>Pseudo-role matching the user the request is assigned to.</summary>
    public const string AssigneeRole = "$assignee";

    /// <summary>Stable key, unique in the definition.</summary>
    public required string Key { get; init; }

    /// <summary>Statuses the transition leaves from.</summary>
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>The status it leads to.</summary>
    public required string To { get; init; }

    /// <summary>Button label.</summary>
    public required LocalizedText Label { get; init; }

    /// <summary>Whether users or only the system fire it.</summary>
    public TransitionTrigger Trigger { get; init; } = TransitionTrigger.Manual;

    /// <summary>Roles allowed to fire it (any one suffices); <see cref="AssigneeRole"/> matches the assignee.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>JavaScript expression that must evaluate to <c>true</c>; see <see cref="Conditions.ConditionScope"/> for the names it sees.</summary>
    public string? Condition { get; init; }

    /// <summary>Shown instead of the generic text when <see cref="Condition"/> is false.</summary>
    public LocalizedText? ConditionMessage { get; init; }

    /// <summary>Field keys the transition form must fill (request fields or custom fields).</summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    /// <summary>Effects of the transition, run between the exit actions of the source and the entry actions of the target.</summary>
    public IReadOnlyList<WorkflowAction> Actions { get; init; } = [];

    /// <summary>An attempt counter this transition adds one to (e.g. <c>visit</c> for "not solved").</summary>
    public string? CountsAttempt { get; init; }

    /// <summary>Attempt counters this transition sets back to zero.</summary>
    public IReadOnlyList<string> ResetsAttempts { get; init; } = [];
}

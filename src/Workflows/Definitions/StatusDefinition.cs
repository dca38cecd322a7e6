using AfterSales.Workflows.Actions;

namespace AfterSales.Workflows.Definitions;

/// <summary>One status a request can be in.</summary>
public sealed record StatusDefinition
{
    /// <summary>Stable key, unique in the definition (e.g. <c>WaitingForAssignment</c>); names may change, keys do not.</summary>
    public required string Key { get; init; }

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>What the status means to the platform.</summary>
    public required StatusCategory Category { get; init; }

    /// <summary>Colour for boards and the diagram, e.g. <c>#1565c0</c>.</summary>
    public string? Color { get; init; }

    /// <summary>Layout for the designer.</summary>
    public DiagramPosition? Position { get; init; }

    /// <summary>Whether new instances start here; exactly one status of a valid definition has it.</summary>
    public bool IsStart { get; init; }

    /// <summary>Run, in order, whenever the instance enters this status (after the transition's own actions).</summary>
    public IReadOnlyList<WorkflowAction> EntryActions { get; init; } = [];

    /// <summary>Run, in order, whenever the instance leaves this status (before the transition's own actions).</summary>
    public IReadOnlyList<WorkflowAction> ExitActions { get; init; } = [];
}

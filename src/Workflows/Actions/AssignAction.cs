namespace AfterSales.Workflows.Actions;

/// <summary>Assigns the request.</summary>
public sealed record AssignAction : WorkflowAction
{
    /// <summary>Where the assignee comes from.</summary>
    public required AssigneeSource To { get; init; }

    /// <summary>User id, role, rule set or form field key, depending on <see cref="To"/>.</summary>
    public string? Value { get; init; }
}

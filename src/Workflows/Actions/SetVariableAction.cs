namespace AfterSales.Workflows.Actions;

/// <summary>Sets a workflow variable to a literal or a transition form value; applied by the engine.</summary>
public sealed record SetVariableAction : WorkflowAction
{
    /// <summary>Variable key.</summary>
    public required string Variable { get; init; }

    /// <summary>Literal value in invariant text form.</summary>
    public string? Value { get; init; }

    /// <summary>Takes the value from this transition form field instead.</summary>
    public string? FromFormField { get; init; }
}

namespace AfterSales.Workflows.Actions;

/// <summary>Sets a request field (built-in or custom) to a literal or to a transition form value.</summary>
public sealed record SetFieldAction : WorkflowAction
{
    /// <summary>Field key.</summary>
    public required string Field { get; init; }

    /// <summary>Literal value in the field's invariant text form; null clears the field unless <see cref="FromFormField"/> is set.</summary>
    public string? Value { get; init; }

    /// <summary>Takes the value from this transition form field instead.</summary>
    public string? FromFormField { get; init; }
}

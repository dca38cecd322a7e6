namespace AfterSales.Workflows.Definitions;

/// <summary>
/// A value the workflow keeps beside the request's own fields (e.g. "escalated"), set by
/// <see cref="Actions.SetVariableAction"/> and read by conditions as <c>vars.key</c>.
/// </summary>
public sealed record VariableDefinition
{
    /// <summary>Stable key, unique in the definition.</summary>
    public required string Key { get; init; }

    /// <summary>How conditions read the value.</summary>
    public VariableType Type { get; init; } = VariableType.String;

    /// <summary>Initial value, in invariant text form; null for none.</summary>
    public string? Default { get; init; }
}

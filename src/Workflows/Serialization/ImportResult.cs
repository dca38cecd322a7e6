using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Serialization;

/// <summary>The outcome of <see cref="WorkflowJson.Import"/>: a definition of the right shape, or what is wrong with the document.</summary>
/// <param name="Definition">The definition; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Shape errors.</param>
public sealed record ImportResult(WorkflowDefinition? Definition, IReadOnlyList<ImportError> Errors)
{
    /// <summary>Whether the document is a well-formed definition (run <see cref="Validation.DefinitionValidator"/> before publishing it).</summary>
    public bool Succeeded => Definition is not null && Errors.Count == 0;
}

using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Validation;

namespace AfterSales.Workflows.Versioning;

/// <summary>The outcome of publishing: the published version, or why it cannot be published.</summary>
/// <param name="Published">The definition in state published; null when <paramref name="Report"/> has errors.</param>
/// <param name="Report">The validation report.</param>
public sealed record PublishResult(WorkflowDefinition? Published, ValidationReport Report)
{
    /// <summary>Whether the version was published.</summary>
    public bool Succeeded => Published is not null;
}

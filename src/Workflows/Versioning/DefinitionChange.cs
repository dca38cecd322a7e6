using AfterSales.Workflows.Validation;

namespace AfterSales.Workflows.Versioning;

/// <summary>One difference between two versions, for the version history.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Element">The kind of element.</param>
/// <param name="ElementKey">The element's key; null for the definition.</param>
/// <param name="Before">The old value, as display text; null when added.</param>
/// <param name="After">The new value, as display text; null when removed.</param>
public sealed record DefinitionChange(ChangeKind Kind, DefinitionElement Element, string? ElementKey, string? Before, string? After);

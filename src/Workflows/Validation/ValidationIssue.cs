namespace AfterSales.Workflows.Validation;

/// <summary>One reason a definition cannot be published.</summary>
/// <param name="Code">One of <see cref="ValidationCodes"/>.</param>
/// <param name="Message">Text for the tenant administrator.</param>
/// <param name="Element">What kind of element it points at.</param>
/// <param name="ElementKey">The element's key; null for the definition itself.</param>
public sealed record ValidationIssue(string Code, WorkflowMessage Message, DefinitionElement Element, string? ElementKey = null);

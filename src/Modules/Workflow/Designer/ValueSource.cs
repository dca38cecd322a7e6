namespace AfterSales.Modules.Workflow.Designer;

/// <summary>Where an action's value comes from: a literal, or a transition form field (which wins).</summary>
/// <param name="Value">Literal value in invariant text form; null for none (clears the field).</param>
/// <param name="FromFormField">Form field to read instead.</param>
public sealed record ValueSource(string? Value, string? FromFormField);

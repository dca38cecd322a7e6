namespace AfterSales.Modules.Workflow.Designer;

/// <summary>One entry of a drop-down: a value and its localised text.</summary>
/// <param name="Value">What is stored.</param>
/// <param name="Text">What is shown.</param>
public sealed record Choice<T>(T Value, string Text);

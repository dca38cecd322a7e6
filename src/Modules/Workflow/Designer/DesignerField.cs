using AfterSales.Workflows.Definitions;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>A request field a transition form can require, offered by the designer and filled in by the simulator.</summary>
/// <param name="Key">Field key as conditions and the engine see it (e.g. <c>assigneeId</c>, a custom field's key).</param>
/// <param name="Label">What the administrator sees.</param>
/// <param name="IsCustom">A custom field: conditions read it as <c>request.custom.key</c> rather than <c>request.key</c>.</param>
public sealed record DesignerField(string Key, LocalizedText Label, bool IsCustom = false);

using AfterSales.Workflows.Definitions;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>An edit made in a side panel: the new definition, and what to select with it (null keeps the selection).</summary>
/// <param name="Definition">The edited definition.</param>
/// <param name="Select">The element to select afterwards.</param>
public sealed record DesignerEdit(WorkflowDefinition Definition, DesignerSelection? Select = null);

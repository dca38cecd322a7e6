namespace AfterSales.Modules.Workflow;

/// <summary>The texts of the workflow designer and simulator (WorkflowText.tsv → .resx).</summary>
public sealed class WorkflowText;

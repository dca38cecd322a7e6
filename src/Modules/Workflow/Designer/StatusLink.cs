namespace AfterSales.Modules.Workflow.Designer;

/// <summary>An arrow drawn on the diagram from one status to another, asking for a transition.</summary>
/// <param name="From">Source status key.</param>
/// <param name="To">Target status key.</param>
public sealed record StatusLink(string From, string To);

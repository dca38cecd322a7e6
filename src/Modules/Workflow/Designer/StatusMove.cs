namespace AfterSales.Modules.Workflow.Designer;

/// <summary>A status dragged on the diagram.</summary>
/// <param name="Key">Status key.</param>
/// <param name="X">New left edge.</param>
/// <param name="Y">New top edge.</param>
public sealed record StatusMove(string Key, double X, double Y);

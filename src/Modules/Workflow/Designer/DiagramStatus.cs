namespace AfterSales.Modules.Workflow.Designer;

/// <summary>A node of the diagram.</summary>
/// <param name="Key">Status key, also the node id.</param>
/// <param name="Name">Name in the reader's language.</param>
/// <param name="Category">Category name in the reader's language.</param>
/// <param name="Color">Fill colour (<c>#rrggbb</c>); others draw grey.</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="IsStart">Marked as where instances start.</param>
/// <param name="Timers">Tooltip of the clock badge; null for no badge.</param>
public sealed record DiagramStatus(string Key, string Name, string Category, string? Color, double X, double Y, bool IsStart, string? Timers);

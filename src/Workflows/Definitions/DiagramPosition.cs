namespace AfterSales.Workflows.Definitions;

/// <summary>Where the designer draws a status; the engine never reads it.</summary>
/// <param name="X">Horizontal position in designer units.</param>
/// <param name="Y">Vertical position in designer units.</param>
public sealed record DiagramPosition(double X, double Y);

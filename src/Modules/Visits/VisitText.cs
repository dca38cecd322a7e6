namespace AfterSales.Modules.Visits;

/// <summary>The texts of return visits (VisitText.tsv → .resx).</summary>
public sealed class VisitText;

namespace AfterSales.Modules.Sla;

/// <summary>The texts of the SLA page (SlaText.tsv → .resx).</summary>
public sealed class SlaText;

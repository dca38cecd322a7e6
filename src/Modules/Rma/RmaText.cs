namespace AfterSales.Modules.Rma;

/// <summary>The texts of carriers and shipments (RmaText.tsv → .resx).</summary>
public sealed class RmaText;

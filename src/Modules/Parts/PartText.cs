namespace AfterSales.Modules.Parts;

/// <summary>The texts of part requests (PartText.tsv → .resx).</summary>
public sealed class PartText;

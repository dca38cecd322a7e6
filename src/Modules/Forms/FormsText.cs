namespace AfterSales.Modules.Forms;

/// <summary>The texts of the forms feature (FormsText.tsv → .resx).</summary>
public sealed class FormsText;

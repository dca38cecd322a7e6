namespace AfterSales.Portal;

/// <summary>The texts of the customer portal (PortalText.tsv → .resx).</summary>
public sealed class PortalText;

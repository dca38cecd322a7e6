namespace AfterSales.Modules.Billing;

/// <summary>The texts of plans, billing and sign-up (BillingText.tsv → .resx).</summary>
public sealed class BillingText;

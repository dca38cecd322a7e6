namespace AfterSales.Modules.Billing;

/// <summary><c>Stripe:*</c>: keys, and the API base so tests and local runs can point at a fake server.</summary>
public sealed class StripeOptions
{
    public string? SecretKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API base; <c>https://api.stripe.com</c> unless a fake server stands in.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Price ids by plan code, overriding the plan's own (test-mode and live-mode prices differ).</summary>
    public Dictionary<string, PlanPrices> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    public sealed class PlanPrices
    {
        public string? Monthly { get; set; }
        public string? Yearly { get; set; }
    }
}

/// <summary><c>Billing:*</c>: the trial and the grace period.</summary>
public sealed class BillingOptions
{
    public int TrialDays { get; set; } = 14;

    /// <summary>Days a past-due tenant keeps working before it becomes read-only.</summary>
    public int GraceDays { get; set; } = 7;

    /// <summary>Days a sign-up's confirmation link stays valid.</summary>
    public int SignUpLinkDays { get; set; } = 2;
}

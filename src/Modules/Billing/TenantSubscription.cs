namespace AfterSales.Modules.Billing;

/// <summary>
/// A tenant's subscription. Platform data keyed by the tenant: Stripe's webhooks write it outside any tenant, and the
/// operator's console reads all of them. A tenant without one (created before billing) is complimentary: no limits.
/// </summary>
public class TenantSubscription
{
    public string TenantId { get; set; } = "";

    public string PlanCode { get; set; } = Plan.Trial;

    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Trialing;

    /// <summary>When the trial ends (UTC); a trial past it without a paid subscription is read-only.</summary>
    public DateTimeOffset? TrialEndsAt { get; set; }

    /// <summary>When the subscription became past due; the grace period runs from here.</summary>
    public DateTimeOffset? PastDueSince { get; set; }

    public string? StripeCustomerId { get; set; }
    public string? StripeSubscriptionId { get; set; }
    public DateTimeOffset? CurrentPeriodEnd { get; set; }

    /// <summary>Last change, by a webhook, the operator or the tenant.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

/// <summary>Stripe's subscription states that matter to access.</summary>
public enum SubscriptionStatus
{
    Trialing = 0,
    Active = 1,
    PastDue = 2,
    Unpaid = 3,
    Canceled = 4,
}

/// <summary>What a tenant may do in its current state.</summary>
public enum TenantAccess
{
    /// <summary>Everything (trialing, active, or complimentary).</summary>
    Full,

    /// <summary>Past due within the grace period: everything, with a banner.</summary>
    Grace,

    /// <summary>Unpaid, canceled, past the grace period or an ended trial: reading and exporting only.</summary>
    ReadOnly,
}

namespace AfterSales.Modules.Billing;

/// <summary>
/// A Stripe webhook event as received, by Stripe's event id. Platform data: the primary key makes a replayed
/// event a no-op, and the operator's log shows failures.
/// </summary>
public class StripeEventRecord
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Set once the event changed what it had to; a later delivery of the same id changes nothing.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The last failure, kept for the operator; cleared when a retry succeeds.</summary>
    public string? Error { get; set; }

    public string? TenantId { get; set; }
    public string? SubscriptionId { get; set; }
}

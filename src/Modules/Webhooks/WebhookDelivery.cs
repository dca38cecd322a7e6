using AfterSales.Modules.Notifications;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Webhooks;

/// <summary>One event for one endpoint: written with the change that caused it, posted by the poll, kept as the log.</summary>
public class WebhookDelivery : ITenantOwned, AfterSales.Modules.Notifications.IRetriedDelivery
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid EndpointId { get; set; }
    public string Event { get; set; } = "";

    /// <summary>The event as JSON; each kind of endpoint gets it in its own format when it is posted.</summary>
    public string Payload { get; set; } = "";
    public string? RequestNumber { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public Guid? ClaimToken { get; set; }
    public int? ResponseStatus { get; set; }

    /// <summary>The start of the last response body, for the admin reading the log.</summary>
    public string? Response { get; set; }
    public string? LastError { get; set; }
    public int? DurationMs { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>
/// A notification to deliver, written in the unit of work of what caused it (a transition, a timer) so it exists exactly when
/// that change does; the outbox poll delivers it afterwards, retries failures with back-off, and keeps it as the delivery log.
/// </summary>
public class OutboxMessage : ITenantOwned, IRetriedDelivery
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public DeliveryChannel Channel { get; set; }

    /// <summary>User id (in-app), e-mail address (e-mail), phone number (SMS), robot endpoint id (group robot).</summary>
    public string Recipient { get; set; } = "";
    public string? RecipientName { get; set; }
    public string TemplateKey { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public Guid? RequestId { get; set; }
    public string? RequestNumber { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }

    /// <summary>UTC; the poll takes rows due by now.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public Guid? ClaimToken { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public enum DeliveryChannel
{
    InApp = 0,
    Email = 1,
    Sms = 2,

    /// <summary>A WeCom, DingTalk or Feishu group robot of the tenant's webhooks.</summary>
    Robot = 3,
}

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Webhooks;

/// <summary>
/// A URL of the tenant's that hears about its requests: a system of its own (signed JSON) or a group robot of WeCom, DingTalk or
/// Feishu (a message in the platform's format, signed as the platform requires).
/// </summary>
public class WebhookEndpoint : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public WebhookKind Kind { get; set; }

    /// <summary>The signing secret, protected with the application's data-protection keys; null for WeCom (its key is in the URL).</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>Event names it hears, comma-separated; <c>*</c> for every event.</summary>
    public string Events { get; set; } = "*";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Name;

    public bool Hears(string? eventName) =>
        Events.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(e => e == "*" || string.Equals(e, eventName, StringComparison.OrdinalIgnoreCase));
}

public enum WebhookKind
{
    Generic = 0,
    WeCom = 1,
    DingTalk = 2,
    Feishu = 3,
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>
/// A tenant's own SMTP server: its reminders and notifications are sent from its own domain instead of the platform's. The
/// password is kept protected with the application's data-protection keys and never shown again.
/// </summary>
public class TenantMailSettings : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public MailTls Tls { get; set; }
    public string? UserName { get; set; }
    public string? ProtectedPassword { get; set; }
    public string FromAddress { get; set; } = "";
    public string? FromName { get; set; }

    /// <summary>Off: the platform's server sends again, the settings kept for later.</summary>
    public bool IsEnabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Host;
}

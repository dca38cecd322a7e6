using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>A tenant's own wording of a notification; without one, the built-in text of <see cref="DefaultTemplates"/> is used.</summary>
public class NotificationTemplate : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string Key { get; set; } = "";
    public string SubjectZh { get; set; } = "";
    public string SubjectEn { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Key;
}

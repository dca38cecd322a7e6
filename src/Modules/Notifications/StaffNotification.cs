using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>A line under a staff member's bell: what happened to which request, read or not.</summary>
public class StaffNotification : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Path inside the tenant, e.g. <c>requests/SR-20261123-0001</c>.</summary>
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

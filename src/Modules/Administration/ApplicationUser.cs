using Microsoft.AspNetCore.Identity;

namespace AfterSales.Modules.Administration;

/// <summary>
/// A staff user of one tenant, or (TenantId null) a platform operator. The same e-mail may exist in two
/// tenants: user names are unique per tenant, and the tenant filter keeps Identity's look-ups inside one.
/// </summary>
public class ApplicationUser : IdentityUser
{
    public string? TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LastLoginAt { get; set; }
}

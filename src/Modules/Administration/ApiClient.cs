using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Administration;

/// <summary>
/// A tenant's API client (client-credentials). The secret lives hashed in OpenIddict's application store;
/// this record ties the OpenIddict client to its tenant and keeps who created and revoked it.
/// </summary>
public class ApiClient : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public string? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAt is not null;
    string IAuditable.AuditKey => Id.ToString();

    public void Revoke(string? by, DateTimeOffset at)
    {
        if (IsRevoked)
        {
            return;
        }

        RevokedAt = at;
        RevokedBy = by;
    }
}

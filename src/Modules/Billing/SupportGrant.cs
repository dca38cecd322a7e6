using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Billing;

/// <summary>
/// The tenant admin's permission for the platform's support staff to work in this tenant, as themselves, with <see cref="Role"/>,
/// until <see cref="ExpiresAt"/> or until revoked. There is no impersonation: this grant is the only way an operator gets in.
/// </summary>
public class SupportGrant : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>One of <see cref="SupportAccess.GrantableRoles"/>.</summary>
    public string Role { get; set; } = Roles.Manager;

    /// <summary>What the admin asked support to look at; shown to the operator.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? GrantedById { get; set; }
    public string? GrantedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    string IAuditable.AuditKey => Id.ToString("N")[..8];
}

/// <summary>An operator's first request in the tenant under a grant: who came in, when, through which grant.</summary>
public class SupportVisit : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid GrantId { get; set; }
    public string OperatorId { get; set; } = "";
    public string? OperatorName { get; set; }
    public DateTimeOffset At { get; set; }

    string IAuditable.AuditKey => GrantId.ToString("N")[..8];
}

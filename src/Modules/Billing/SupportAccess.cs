using System.Security.Claims;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Billing;

/// <summary>A grant as the tenant admin's list shows it.</summary>
public sealed record SupportGrantView(SupportGrant Grant, bool IsValid, IReadOnlyList<SupportVisit> Visits);

/// <summary>A tenant's valid grant as the operators' console shows it.</summary>
public sealed record OperatorGrantView(string TenantId, string Identifier, string TenantName, string Role, DateTimeOffset ExpiresAt, string? GrantedBy, string? Reason);

public enum SupportGrantStatus
{
    Done,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// Support access: the tenant admin grants the platform's support staff a role in the tenant for a few hours, and revokes it at will.
/// An operator's own sign-in then counts in that tenant with the granted role, checked on every request, so access ends with the
/// grant. Grants and visits are audited entities, so the tenant's audit trail shows who granted, revoked and came in.
/// </summary>
public sealed class SupportAccess(
    IDbFactory<IBillingDb> dbFactory, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock, IHttpContextAccessor httpContextAccessor)
{
    /// <summary>The claim that marks a principal as an operator working in a tenant under a grant; its value is the grant's id.</summary>
    public const string GrantClaim = "support_grant";

    public const int ReasonLength = 500;

    /// <summary>What a tenant may grant: looking around as a manager, or administering on the admin's behalf.</summary>
    public static readonly IReadOnlyList<string> GrantableRoles = [Roles.Manager, Roles.TenantAdmin];

    public static readonly IReadOnlyList<int> GrantableHours = [1, 8, 24, 72];

    /// <summary>The current tenant's grants, the valid ones first, then the past ones newest first, with who came in under each.</summary>
    public async Task<IReadOnlyList<SupportGrantView>> GrantsAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        // SQLite orders DateTimeOffset as packed ticks, which sort like the UTC times stored; the few rows shown are read in one go.
        var grants = await db.SupportGrants.AsNoTracking().OrderByDescending(g => g.GrantedAt).Take(take).ToListAsync(cancellationToken);
        var ids = grants.Select(g => g.Id).ToList();
        var visits = (await db.SupportVisits.AsNoTracking().Where(v => ids.Contains(v.GrantId)).ToListAsync(cancellationToken)).ToLookup(v => v.GrantId);
        return grants.Select(g => new SupportGrantView(g, g.IsValidAt(now), visits[g.Id].OrderBy(v => v.At).ToList()))
            .OrderByDescending(v => v.IsValid).ThenByDescending(v => v.Grant.GrantedAt).ToList();
    }

    /// <summary>Grants support <paramref name="role"/> for <paramref name="hours"/>; null when the role or the duration is not one offered.</summary>
    public async Task<SupportGrant?> GrantAsync(string role, int hours, string? reason, CancellationToken cancellationToken = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!GrantableRoles.Contains(role) || !GrantableHours.Contains(hours) || reason?.Length > ReasonLength || tenantContext.Tenant is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var grant = new SupportGrant
        {
            Role = role, Reason = reason, GrantedAt = now, ExpiresAt = now.AddHours(hours), GrantedById = currentUser.Id, GrantedBy = currentUser.Name,
        };
        using var db = dbFactory.Create();
        db.SupportGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        return grant;
    }

    /// <summary>Ends a grant now; the operator's next request in the tenant is refused.</summary>
    public async Task<SupportGrantStatus> RevokeAsync(Guid grantId, string loadedStamp, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var grant = await db.SupportGrants.FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken);
        if (grant is null)
        {
            return SupportGrantStatus.NotFound;
        }

        if (grant.ConcurrencyStamp != loadedStamp)
        {
            return SupportGrantStatus.Conflict;
        }

        if (!grant.IsValidAt(clock.GetUtcNow()))
        {
            return SupportGrantStatus.Invalid;
        }

        grant.RevokedAt = clock.GetUtcNow();
        grant.RevokedBy = currentUser.Name;
        grant.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SupportGrantStatus.Conflict;
        }

        return SupportGrantStatus.Done;
    }

    /// <summary>
    /// The principal an operator acts as in the current tenant: the operator's own identity with the role of the tenant's longest
    /// valid grant, or null when there is none. The first request under a grant is recorded as a visit.
    /// </summary>
    public async Task<ClaimsPrincipal?> EnterAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var operatorId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (tenantContext.Tenant is not { IsActive: true } tenant || operatorId is null || !principal.IsInRole(Roles.PlatformOperator))
        {
            return null;
        }

        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        var grant = await db.SupportGrants.AsNoTracking().Where(g => g.RevokedAt == null && g.ExpiresAt > now)
            .OrderByDescending(g => g.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
        // The operator must still be an operator: one removed from the platform loses every grant with it.
        var isOperator = grant is not null && await (from user in db.Users.IgnoreQueryFilters()
                                                     join userRole in db.UserRoles on user.Id equals userRole.UserId
                                                     join role in db.Roles on userRole.RoleId equals role.Id
                                                     where user.Id == operatorId && user.TenantId == null && role.Name == Roles.PlatformOperator
                                                     select user.Id).AnyAsync(cancellationToken);
        if (grant is null || !isOperator)
        {
            return null;
        }

        var keep = principal.Claims.Where(c => c.Type != ClaimTypes.Role && c.Type != TenantClaimTypes.Tenant);
        var identity = new ClaimsIdentity(keep, principal.Identity?.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Role, grant.Role));
        identity.AddClaim(new Claim(TenantClaimTypes.Tenant, tenant.Identifier));
        identity.AddClaim(new Claim(GrantClaim, grant.Id.ToString()));
        var support = new ClaimsPrincipal(identity);

        var name = principal.FindFirstValue("display_name") ?? principal.Identity?.Name;
        if (!await db.SupportVisits.AnyAsync(v => v.GrantId == grant.Id && v.OperatorId == operatorId, cancellationToken))
        {
            // Authentication is still deciding who the request's user is; the audit trail must name the operator, so it is told now.
            if (httpContextAccessor.HttpContext is { } httpContext)
            {
                httpContext.User = support;
            }

            db.SupportVisits.Add(new SupportVisit { GrantId = grant.Id, OperatorId = operatorId, OperatorName = name, At = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A parallel request of the same operator recorded the visit first.
                db.ChangeTracker.Clear();
            }
        }

        return support;
    }

    /// <summary>Whether the grant a principal entered with still holds (for a long-lived Blazor circuit).</summary>
    public async Task<bool> StillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(GrantClaim), out var grantId))
        {
            return true;
        }

        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        return await db.SupportGrants.IgnoreQueryFilters().AnyAsync(g => g.Id == grantId && g.RevokedAt == null && g.ExpiresAt > now, cancellationToken);
    }

    /// <summary>The grant a principal works under, for the banner that tells an operator where they are and until when.</summary>
    public async Task<SupportGrant?> GrantOfAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(GrantClaim), out var grantId))
        {
            return null;
        }

        using var db = dbFactory.Create();
        return await db.SupportGrants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken);
    }

    /// <summary>Every tenant's valid grant, for the operators' console; read outside any tenant.</summary>
    public async Task<IReadOnlyList<OperatorGrantView>> ValidGrantsAsync(CancellationToken cancellationToken = default)
    {
        if (tenantContext.Tenant is not null)
        {
            throw new InvalidOperationException("The operators' list of grants is read outside any tenant.");
        }

        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        var rows = await (from g in db.SupportGrants.IgnoreQueryFilters()
                          join t in db.Tenants on g.TenantId equals t.Id
                          where g.RevokedAt == null && g.ExpiresAt > now
                          select new { g, t.Identifier, t.DisplayName }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.g.TenantId)
            .Select(group => group.OrderByDescending(r => r.g.ExpiresAt).First())
            .Select(r => new OperatorGrantView(r.g.TenantId, r.Identifier, r.DisplayName, r.g.Role, r.g.ExpiresAt, r.g.GrantedBy, r.g.Reason))
            .OrderBy(r => r.ExpiresAt).ToList();
    }
}

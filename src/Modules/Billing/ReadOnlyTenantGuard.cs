using AfterSales.Modules.Administration;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace AfterSales.Modules.Billing;

/// <summary>A write refused because the tenant's subscription is unpaid, canceled or past its grace period.</summary>
public sealed class TenantReadOnlyException() : Exception("The tenant is read-only until its subscription is paid.");

/// <summary>
/// The one place that makes an unpaid or canceled tenant read-only: every save of the tenant's own data is refused,
/// whichever page, API or job tries it. Sign-ins (users), the audit trail and the platform's billing tables stay
/// writable, so the admin can still sign in, pay and export; so do support grants and visits, so support can help.
/// </summary>
public sealed class ReadOnlyTenantGuard(ITenantContext tenantContext, TimeProvider clock, IOptions<BillingOptions> options) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (WritesTenantData(eventData.Context) is { } tenantId)
        {
            var subscription = eventData.Context!.Set<TenantSubscription>().AsNoTracking().FirstOrDefault(s => s.TenantId == tenantId);
            Refuse(subscription);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (WritesTenantData(eventData.Context) is { } tenantId)
        {
            var subscription = await eventData.Context!.Set<TenantSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);
            Refuse(subscription);
        }

        return result;
    }

    private void Refuse(TenantSubscription? subscription)
    {
        if (SubscriptionBook.AccessOf(subscription, clock.GetUtcNow(), options.Value.GraceDays) == TenantAccess.ReadOnly)
        {
            throw new TenantReadOnlyException();
        }
    }

    private string? WritesTenantData(DbContext? context)
    {
        if (context is null || tenantContext.Tenant is not { } tenant)
        {
            return null;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if ((entry.Entity is ITenantOwned and not (AuditEntry or SupportGrant or SupportVisit)) || (entry.Entity is ApplicationUser && entry.State == EntityState.Added))
            {
                return tenant.Id;
            }
        }

        return null;
    }
}

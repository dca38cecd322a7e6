using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Tenancy.EntityFrameworkCore;

/// <summary>
/// Stamps <see cref="ITenantOwned.TenantId"/> on insert and refuses to save any tenant-owned row of
/// another tenant, or any tenant-owned row at all when the context has no tenant. One place, never handlers.
/// </summary>
public sealed class TenantSaveChangesInterceptor : SaveChangesInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enforce(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Enforce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Applies the rules to the tracked changes of <paramref name="context"/>.</summary>
    /// <exception cref="TenantIsolationException">A change would cross a tenant boundary.</exception>
    public static void Enforce(DbContext? context)
    {
        if (context is not IMultiTenantDbContext multiTenant)
        {
            return;
        }

        // Entities reached only through navigations are found by DetectChanges, which SaveChanges runs after interceptors.
        context.ChangeTracker.DetectChanges();
        var current = multiTenant.CurrentTenantId;
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    if (current is null)
                    {
                        throw new TenantIsolationException($"Cannot add {entry.Metadata.DisplayName()} without a current tenant.");
                    }

                    if (string.IsNullOrEmpty(entry.Entity.TenantId))
                    {
                        entry.Entity.TenantId = current;
                    }
                    else if (entry.Entity.TenantId != current)
                    {
                        throw new TenantIsolationException($"Cannot add {entry.Metadata.DisplayName()} of another tenant.");
                    }

                    break;
                case EntityState.Modified or EntityState.Deleted:
                    var original = entry.Property(e => e.TenantId).OriginalValue;
                    if (current is null || original != current || entry.Entity.TenantId != current)
                    {
                        throw new TenantIsolationException($"Cannot change {entry.Metadata.DisplayName()} of another tenant.");
                    }

                    break;
            }
        }
    }
}

using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Billing;

/// <summary>
/// Counts metered use in <see cref="UsageCounter"/> rows with one conditional UPDATE (count + n where count + n stays within the
/// limit), so replicas never pass a limit together and SQLite and SQL Server need no provider-specific SQL. The first use of a
/// period inserts the row; a replica that loses that race updates the row the other one made.
/// </summary>
public sealed class UsageMeter(IDbFactory<IBillingDb> dbFactory)
{
    /// <summary>Adds <paramref name="amount"/> unless that passes <paramref name="max"/> (null: no limit); false when refused, nothing counted.</summary>
    public async Task<bool> TryTakeAsync(string tenantId, string meter, DateOnly period, int amount, int? max, CancellationToken cancellationToken = default)
    {
        if (max is { } limit && amount > limit)
        {
            return false;
        }

        using var db = dbFactory.Create();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var updated = await db.UsageCounters
                .Where(c => c.TenantId == tenantId && c.Meter == meter && c.Period == period && (max == null || c.Count + amount <= max))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count + amount), cancellationToken);
            if (updated > 0)
            {
                return true;
            }

            if (await db.UsageCounters.AnyAsync(c => c.TenantId == tenantId && c.Meter == meter && c.Period == period, cancellationToken))
            {
                return false;
            }

            db.UsageCounters.Add(new UsageCounter { TenantId = tenantId, Meter = meter, Period = period, Count = amount });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }

        return false;
    }

    /// <summary>The count of one tenant's meter in a period.</summary>
    public async Task<int> CountAsync(string tenantId, string meter, DateOnly period, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.UsageCounters.Where(c => c.TenantId == tenantId && c.Meter == meter && c.Period == period).Select(c => c.Count).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every tenant's count of a meter in a period, for the console.</summary>
    public async Task<Dictionary<string, int>> CountsAsync(string meter, DateOnly period, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.UsageCounters.Where(c => c.Meter == meter && c.Period == period).ToDictionaryAsync(c => c.TenantId, c => c.Count, cancellationToken);
    }
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Billing;

/// <summary>One tenant as the operator's console lists it.</summary>
public sealed record TenantOverview(
    string TenantId, string Identifier, string DisplayName, TenantStatus TenantStatus, DateTimeOffset CreatedAt,
    TenantSubscription? Subscription, TenantAccess Access, int Staff, int Serials, DateTimeOffset? LastActivity, int ApiCallsToday = 0, int ReminderEmailsThisMonth = 0);

/// <summary>The operator's cross-tenant view: plans, states, usage and activity. Reads every tenant, so only the platform area uses it.</summary>
public sealed class PlatformOverview(IDbFactory<IBillingDb> dbFactory, SubscriptionBook subscriptions, ITenantContext tenantContext, UsageMeter meter, TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantOverview>> TenantsAsync(CancellationToken cancellationToken = default)
    {
        if (tenantContext.Tenant is not null)
        {
            throw new InvalidOperationException("The platform overview is read outside any tenant.");
        }

        using var db = dbFactory.Create();
        var tenants = await db.Tenants.AsNoTracking().ToListAsync(cancellationToken);
        var rows = await db.TenantSubscriptions.AsNoTracking().ToDictionaryAsync(s => s.TenantId, cancellationToken);
        var staff = await db.Users.IgnoreQueryFilters().Where(u => u.TenantId != null).GroupBy(u => u.TenantId!)
            .Select(g => new { TenantId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.TenantId, g => g.Count, cancellationToken);
        var serials = await db.SerialNumbers.IgnoreQueryFilters().GroupBy(s => s.TenantId)
            .Select(g => new { TenantId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.TenantId, g => g.Count, cancellationToken);
        // SQLite keeps DateTimeOffset as binary, so the latest sign-in is found in memory.
        var logins = (await db.Users.IgnoreQueryFilters().Where(u => u.TenantId != null && u.LastLoginAt != null)
                .Select(u => new { u.TenantId, u.LastLoginAt }).ToListAsync(cancellationToken))
            .GroupBy(u => u.TenantId!).ToDictionary(g => g.Key, g => g.Max(u => u.LastLoginAt));
        var now = clock.GetUtcNow();
        var apiCalls = await meter.CountsAsync(Meters.ApiCalls, Meters.Day(now), cancellationToken);
        var mails = await meter.CountsAsync(Meters.ReminderEmails, Meters.Month(now), cancellationToken);
        return tenants.Select(t =>
        {
            var subscription = rows.GetValueOrDefault(t.Id);
            return new TenantOverview(t.Id, t.Identifier, t.DisplayName, t.Status, t.CreatedAt, subscription, subscriptions.AccessOf(subscription),
                staff.GetValueOrDefault(t.Id), serials.GetValueOrDefault(t.Id), logins.GetValueOrDefault(t.Id),
                apiCalls.GetValueOrDefault(t.Id), mails.GetValueOrDefault(t.Id));
        }).OrderBy(t => t.Identifier, StringComparer.Ordinal).ToList();
    }

    /// <summary>The latest webhook events, failures first when asked.</summary>
    public async Task<IReadOnlyList<StripeEventRecord>> EventsAsync(bool failuresOnly, int take = 500, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var query = db.StripeEvents.AsNoTracking();
        if (failuresOnly)
        {
            query = query.Where(e => e.Error != null);
        }

        return (await query.ToListAsync(cancellationToken)).OrderByDescending(e => e.ReceivedAt).Take(take).ToList();
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tenancy;

/// <summary>
/// Opens a DI scope that belongs to a given tenant, for work with no HTTP request (jobs, timers,
/// seeding): everything resolved from the scope, the DbContext included, sees that tenant only.
/// </summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory)
{
    /// <summary>Creates a scope for <paramref name="tenant"/>. Dispose it when done.</summary>
    public AsyncServiceScope CreateScope(TenantInfo tenant, string strategy = "explicit")
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(tenant, strategy);
        return scope;
    }

    /// <summary>
    /// A scope for the tenant with this id, looked up in the store, or null when there is none (deleted since the work was
    /// queued). Background polls claim rows across tenants and do each tenant's share in such a scope.
    /// </summary>
    public async Task<AsyncServiceScope?> CreateScopeAsync(string tenantId, string strategy, CancellationToken cancellationToken = default)
    {
        TenantInfo? tenant;
        await using (var lookup = scopeFactory.CreateAsyncScope())
        {
            tenant = await lookup.ServiceProvider.GetRequiredService<Stores.ITenantStore>().FindByIdAsync(tenantId, cancellationToken);
        }

        return tenant is null ? null : CreateScope(tenant, strategy);
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tenancy;

/// <summary>
/// Opens a DI scope that belongs to a given tenant, for work with no HTTP request (jobs, timers,
/// seeding): everything resolved from the scope, the DbContext included, sees that tenant only.
/// </summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory)
{
    /// <summary>Creates a scope for <paramref name="tenant"/>. Dispose it when done.</summary>
    public AsyncServiceScope CreateScope(TenantInfo tenant)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(tenant, "explicit");
        return scope;
    }
}

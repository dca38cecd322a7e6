using AfterSales.Tenancy.Tests.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Tenancy.Tests.EntityFrameworkCore.TenantDatabase;

namespace AfterSales.Tenancy.Tests;

public sealed class TenantScopeFactoryShould : IDisposable
{
    private readonly TenantDatabase _db = new();
    private readonly ServiceProvider _provider;

    public TenantScopeFactoryShould()
    {
        var services = new ServiceCollection();
        services.AddTenancy();
        services.AddDbContext<OrdersDbContext>(o => o.UseSqlite(_db.Connection));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public void Dispose()
    {
        _provider.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task OpenAScopeThatBelongsToTheTenant()
    {
        var factory = _provider.GetRequiredService<TenantScopeFactory>();

        await using var scope = factory.CreateScope(TenantA);
        var tenantContext = scope.ServiceProvider.GetRequiredService<ITenantContext>();

        Assert.Same(TenantA, tenantContext.Tenant);
        Assert.Equal("explicit", tenantContext.ResolvedBy);
        Assert.Same(scope.ServiceProvider.GetRequiredService<TenantContext>(), tenantContext);
    }

    [Fact]
    public async Task KeepTwoScopesIndependent()
    {
        var factory = _provider.GetRequiredService<TenantScopeFactory>();

        await using var scopeA = factory.CreateScope(TenantA);
        await using var scopeB = factory.CreateScope(TenantB);
        await using var plain = _provider.CreateAsyncScope();

        Assert.Same(TenantA, scopeA.ServiceProvider.GetRequiredService<ITenantContext>().Tenant);
        Assert.Same(TenantB, scopeB.ServiceProvider.GetRequiredService<ITenantContext>().Tenant);
        Assert.Null(plain.ServiceProvider.GetRequiredService<ITenantContext>().Tenant);
    }

    [Fact]
    public async Task GiveTheScopesDbContextTheTenant()
    {
        await _db.SeedOrdersAsync(TenantA, "A-1");
        await _db.SeedOrdersAsync(TenantB, "B-1");
        var factory = _provider.GetRequiredService<TenantScopeFactory>();

        await using var scopeA = factory.CreateScope(TenantA);
        var context = scopeA.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var numbers = await context.Orders.Select(o => o.Number).ToListAsync();

        Assert.Equal(TenantA.Id, context.CurrentTenantId);
        Assert.Equal(["A-1"], numbers);
    }

    [Fact]
    public async Task NotLetAScopeSwitchTenant()
    {
        var factory = _provider.GetRequiredService<TenantScopeFactory>();

        await using var scope = factory.CreateScope(TenantA);
        var tenantContext = scope.ServiceProvider.GetRequiredService<TenantContext>();

        Assert.Throws<InvalidOperationException>(() => tenantContext.SetTenant(TenantB, "explicit"));
    }
}

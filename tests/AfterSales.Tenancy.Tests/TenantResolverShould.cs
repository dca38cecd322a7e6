using AfterSales.Tenancy.Stores;
using AfterSales.Tenancy.Strategies;
using AfterSales.Tenancy.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tenancy.Tests;

public sealed class TenantResolverShould
{
    private const string BaseHost = "aftersales.test";
    private readonly InMemoryTenantStore _store = new(TestTenants.Tenant("demo"), TestTenants.Tenant("other"));

    [Fact]
    public async Task LetTheFirstRegisteredStrategyDecideWhenSeveralMatch()
    {
        var request = TestTenants.Request("/t/other/x", "demo.aftersales.test");

        var routeFirst = await new TenantResolver([new RoutePrefixStrategy(), new HostStrategy(BaseHost)], _store).ResolveAsync(request);
        var hostFirst = await new TenantResolver([new HostStrategy(BaseHost), new RoutePrefixStrategy()], _store).ResolveAsync(request);

        Assert.Equal("route", routeFirst.Strategy);
        Assert.Equal("other", routeFirst.Tenant?.Identifier);
        Assert.Equal("host", hostFirst.Strategy);
        Assert.Equal("demo", hostFirst.Tenant?.Identifier);
    }

    [Fact]
    public async Task FallThroughToTheNextStrategyOnlyWhenTheFirstDoesNotMatch()
    {
        var resolver = new TenantResolver([new RoutePrefixStrategy(), new HostStrategy(BaseHost)], _store);

        var resolution = await resolver.ResolveAsync(TestTenants.Request("/orders", "demo.aftersales.test"));

        Assert.Equal("host", resolution.Strategy);
        Assert.Equal("demo", resolution.Tenant?.Identifier);
        Assert.Equal(["demo"], _store.IdentifierLookups);
    }

    [Fact]
    public async Task ReportAnUnknownIdentifierWithoutFallingThrough()
    {
        var resolver = new TenantResolver([new RoutePrefixStrategy(), new HostStrategy(BaseHost)], _store);

        var resolution = await resolver.ResolveAsync(TestTenants.Request("/t/ghost/x", "demo.aftersales.test"));

        Assert.True(resolution.IsUnknown);
        Assert.Null(resolution.Tenant);
        Assert.Equal("route", resolution.Strategy);
        Assert.Equal("ghost", resolution.Match?.Identifier);
        Assert.Equal(["ghost"], _store.IdentifierLookups);
    }

    [Fact]
    public async Task ReturnNoneWhenNoStrategyMatches()
    {
        var resolver = new TenantResolver([new RoutePrefixStrategy(), new HostStrategy(BaseHost)], _store);

        var resolution = await resolver.ResolveAsync(TestTenants.Request("/platform", "aftersales.test"));

        Assert.Same(TenantResolution.None, resolution);
        Assert.False(resolution.IsUnknown);
        Assert.Empty(_store.IdentifierLookups);
    }

    [Fact]
    public async Task ReturnTheTenantSnapshotAndTheMatch()
    {
        var resolver = new TenantResolver([new RoutePrefixStrategy()], _store);

        var resolution = await resolver.ResolveAsync(TestTenants.Request("/t/DEMO/x"));

        Assert.False(resolution.IsUnknown);
        Assert.Equal("id-demo", resolution.Tenant?.Id);
        Assert.Equal("/t/DEMO", resolution.Match?.PathPrefix.Value);
    }

    [Fact]
    public void RunStrategiesInTheOrderTheyWereRegistered()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITenantStore>(_store);
        services.AddTenancy()
            .WithRoutePrefixStrategy()
            .WithHostStrategy(BaseHost)
            .WithHostStrategy(null)
            .WithClaimStrategy("Bearer");
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var resolver = scope.ServiceProvider.GetRequiredService<TenantResolver>();

        Assert.Equal(["route", "host", "claim"], resolver.Strategies.Select(s => s.Name));
    }
}

using AfterSales.Tenancy.Tests.TestDoubles;

namespace AfterSales.Tenancy.Tests;

public sealed class TenantContextShould
{
    private readonly TenantInfo _demo = TestTenants.Info("demo");
    private readonly TenantInfo _other = TestTenants.Info("other");

    [Fact]
    public void StartWithoutTenant()
    {
        var context = new TenantContext();

        Assert.Null(context.Tenant);
        Assert.Null(context.ResolvedBy);
    }

    [Fact]
    public void HoldTheTenantItWasSetTo()
    {
        var context = new TenantContext();

        context.SetTenant(_demo, "route");

        Assert.Same(_demo, context.Tenant);
        Assert.Equal("route", context.ResolvedBy);
    }

    [Fact]
    public void RefuseToSwitchToAnotherTenant()
    {
        var context = new TenantContext();
        context.SetTenant(_demo, "route");

        Assert.Throws<InvalidOperationException>(() => context.SetTenant(_other, "route"));
        Assert.Same(_demo, context.Tenant);
    }

    [Fact]
    public void AcceptTheSameTenantAgainAndKeepTheNewSnapshot()
    {
        var context = new TenantContext();
        context.SetTenant(_demo, "route");
        var refreshed = _demo with { Name = "Demo renamed" };

        context.SetTenant(refreshed, "explicit");

        Assert.Same(refreshed, context.Tenant);
        Assert.Equal("explicit", context.ResolvedBy);
    }

    [Fact]
    public void RejectANullTenant()
    {
        var context = new TenantContext();

        Assert.Throws<ArgumentNullException>(() => context.SetTenant(null!, "route"));
    }
}

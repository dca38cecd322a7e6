using AfterSales.Tenancy.Tests.TestDoubles;

namespace AfterSales.Tenancy.Tests;

public sealed class TenantCacheKeysShould
{
    [Fact]
    public void GiveDifferentTenantsDifferentKeys()
    {
        var demo = ContextFor(TestTenants.Info("demo"));
        var other = ContextFor(TestTenants.Info("other"));

        Assert.NotEqual(demo.For("settings"), other.For("settings"));
    }

    [Fact]
    public void GiveTheSameTenantTheSameKey()
    {
        var first = ContextFor(TestTenants.Info("demo"));
        var second = ContextFor(TestTenants.Info("demo"));

        Assert.Equal(first.For("settings"), second.For("settings"));
        Assert.NotEqual(first.For("settings"), first.For("menu"));
    }

    [Fact]
    public void KeyByTheStableIdNotTheIdentifier()
    {
        var demo = TestTenants.Info("demo");
        var renamed = demo with { Identifier = "demo-renamed" };

        Assert.Equal(ContextFor(demo).For("settings"), ContextFor(renamed).For("settings"));
    }

    [Fact]
    public void ThrowWithoutCurrentTenant()
    {
        var context = new TenantContext();

        Assert.Throws<InvalidOperationException>(() => context.For("settings"));
    }

    private static TenantContext ContextFor(TenantInfo tenant)
    {
        var context = new TenantContext();
        context.SetTenant(tenant, "test");
        return context;
    }
}

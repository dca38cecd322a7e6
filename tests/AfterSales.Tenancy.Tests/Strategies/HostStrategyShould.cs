using AfterSales.Tenancy.Strategies;
using AfterSales.Tenancy.Tests.TestDoubles;

namespace AfterSales.Tenancy.Tests.Strategies;

public sealed class HostStrategyShould
{
    private const string BaseHost = "aftersales.test";

    // Like OrchardCore's RunningShellTableTests: one table of hosts and what each must resolve to.
    public static TheoryData<string, string?> Hosts => new()
    {
        { "demo.aftersales.test", "demo" },
        { "DEMO.AfterSales.Test", "demo" },
        { "acme-2.aftersales.test", "acme-2" },
        { "demo.aftersales.test:8443", "demo" },
        { "a.b.aftersales.test", null },
        { "www.aftersales.test", null },
        { "api.aftersales.test", null },
        { "admin.aftersales.test", null },
        { "aftersales.test", null },
        { ".aftersales.test", null },
        { "other.com", null },
        { "demo.other.com", null },
        { "demoaftersales.test", null },
        { "demo.aftersales.test.evil.com", null },
        { "-demo.aftersales.test", null },
        { "x.aftersales.test", null },
        { "localhost", null },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task ResolveOnlyOneLabelBelowTheBaseHost(string host, string? expected)
    {
        var strategy = new HostStrategy(BaseHost);

        var match = await strategy.MatchAsync(TestTenants.Request("/", host));

        Assert.Equal(expected, match?.Identifier);
    }

    [Fact]
    public async Task NotMoveAnythingIntoPathBase()
    {
        var strategy = new HostStrategy(BaseHost);

        var match = await strategy.MatchAsync(TestTenants.Request("/t/other/x", "demo.aftersales.test"));

        Assert.NotNull(match);
        Assert.False(match.PathPrefix.HasValue);
    }

    [Theory]
    [InlineData(".AfterSales.Test.")]
    [InlineData(" aftersales.test ")]
    public async Task NormalizeTheConfiguredBaseHost(string baseHost)
    {
        var strategy = new HostStrategy(baseHost);

        var match = await strategy.MatchAsync(TestTenants.Request("/", "demo.aftersales.test"));

        Assert.Equal("demo", match?.Identifier);
    }

    [Fact]
    public async Task IgnoreARequestWithoutHost()
    {
        var strategy = new HostStrategy(BaseHost);
        var context = TestTenants.Request("/");
        context.Request.Host = default;

        var match = await strategy.MatchAsync(context);

        Assert.Null(match);
    }
}

using AfterSales.Tenancy.Strategies;
using AfterSales.Tenancy.Tests.TestDoubles;

namespace AfterSales.Tenancy.Tests.Strategies;

public sealed class RoutePrefixStrategyShould
{
    private readonly RoutePrefixStrategy _strategy = new();

    [Theory]
    [InlineData("/t/demo/x", "demo", "/t/demo")]
    [InlineData("/t/demo", "demo", "/t/demo")]
    [InlineData("/t/demo/", "demo", "/t/demo")]
    [InlineData("/t/DEMO", "demo", "/t/DEMO")]
    [InlineData("/t/Demo/orders/5", "demo", "/t/Demo")]
    [InlineData("/T/demo/x", "demo", "/T/demo")]
    [InlineData("/t/acme-2/orders", "acme-2", "/t/acme-2")]
    [InlineData("/t/42", "42", "/t/42")]
    public async Task MatchTheSegmentAfterThePrefix(string path, string identifier, string pathPrefix)
    {
        var match = await _strategy.MatchAsync(TestTenants.Request(path));

        Assert.NotNull(match);
        Assert.Equal(identifier, match.Identifier);
        Assert.Equal(pathPrefix, match.PathPrefix.Value);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("/t")]
    [InlineData("/t/")]
    [InlineData("/tx/demo")]
    [InlineData("/x/t/demo")]
    [InlineData("/demo")]
    [InlineData("/tenant/demo")]
    public async Task IgnorePathsWithoutATenantSegment(string path)
    {
        var match = await _strategy.MatchAsync(TestTenants.Request(path));

        Assert.Null(match);
    }

    [Theory]
    [InlineData("/t/a")]
    [InlineData("/t/-demo")]
    [InlineData("/t/demo-")]
    [InlineData("/t/de_mo")]
    [InlineData("/t/de.mo/x")]
    [InlineData("/t/d%C3%A9mo")]
    [InlineData("/t/démo")]
    [InlineData("/t//demo")]
    [InlineData("/t/a1234567890123456789012345678901234567890")] // 41 characters
    public async Task RejectInvalidSlugs(string path)
    {
        var match = await _strategy.MatchAsync(TestTenants.Request(path));

        Assert.Null(match);
    }

    [Fact]
    public async Task AcceptTheLongestValidSlug()
    {
        const string slug = "a123456789012345678901234567890123456789"; // 40 characters

        var match = await _strategy.MatchAsync(TestTenants.Request("/t/" + slug + "/x"));

        Assert.NotNull(match);
        Assert.Equal(slug, match.Identifier);
    }

    [Theory]
    [InlineData("tenant")]
    [InlineData("/tenant/")]
    public async Task UseAConfiguredSegment(string segment)
    {
        var strategy = new RoutePrefixStrategy(segment);

        var match = await strategy.MatchAsync(TestTenants.Request("/tenant/demo/x"));
        var defaultSegment = await strategy.MatchAsync(TestTenants.Request("/t/demo/x"));

        Assert.NotNull(match);
        Assert.Equal("demo", match.Identifier);
        Assert.Equal("/tenant/demo", match.PathPrefix.Value);
        Assert.Null(defaultSegment);
    }
}

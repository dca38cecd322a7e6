using AfterSales.Tenancy.AspNetCore;
using AfterSales.Tenancy.Strategies;
using AfterSales.Tenancy.Tests.TestDoubles;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AfterSales.Tenancy.Tests.AspNetCore;

public sealed class TenantResolutionMiddlewareShould
{
    private readonly InMemoryTenantStore _store = new(
        TestTenants.Tenant("demo"), TestTenants.Tenant("closed", TenantStatus.Suspended));

    private readonly TenantContext _tenantContext = new();
    private readonly TenancyOptions _options = new();
    private Seen? _seen;

    [Fact]
    public async Task MoveTheTenantPrefixIntoPathBaseForTheRestOfThePipeline()
    {
        var context = TestTenants.Request("/t/demo/settings");

        await InvokeAsync(context);

        Assert.NotNull(_seen);
        Assert.Equal("/t/demo", _seen.PathBase);
        Assert.Equal("/settings", _seen.Path);
        Assert.Equal("demo", _seen.Tenant?.Identifier);
        Assert.Equal("route", _tenantContext.ResolvedBy);
    }

    [Fact]
    public async Task RestoreTheOriginalPathAfterwards()
    {
        var context = TestTenants.Request("/t/demo/settings");
        context.Request.PathBase = "/app";

        await InvokeAsync(context);

        Assert.Equal("/app/t/demo", _seen?.PathBase);
        Assert.Equal("/settings", _seen?.Path);
        Assert.Equal("/app", context.Request.PathBase.Value);
        Assert.Equal("/t/demo/settings", context.Request.Path.Value);
    }

    [Fact]
    public async Task RestoreTheOriginalPathWhenTheRestOfThePipelineThrows()
    {
        var context = TestTenants.Request("/t/demo/settings");
        var middleware = new TenantResolutionMiddleware(_ => throw new InvalidOperationException("boom"), Options.Create(_options));

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(context, Resolver(), _tenantContext));

        Assert.Equal("", context.Request.PathBase.Value);
        Assert.Equal("/t/demo/settings", context.Request.Path.Value);
    }

    [Theory]
    [InlineData("/t/demo", "/")]
    [InlineData("/t/demo/", "/")]
    [InlineData("/t/DEMO/orders/5", "/orders/5")]
    public async Task LeaveTheRestOfThePathBelowThePrefix(string path, string rest)
    {
        await InvokeAsync(TestTenants.Request(path));

        Assert.Equal(rest, _seen?.Path);
        Assert.Equal(path[..7], _seen?.PathBase);
    }

    [Fact]
    public async Task AnswerNotFoundForAnUnknownTenantWithoutCallingNext()
    {
        var context = TestTenants.Request("/t/ghost/settings");

        await InvokeAsync(context);

        Assert.Null(_seen);
        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Null(_tenantContext.Tenant);
    }

    [Fact]
    public async Task HandTheUnknownTenantToTheConfiguredHandler()
    {
        TenantEventContext? received = null;
        _options.Events.OnTenantNotFound = e =>
        {
            received = e;
            e.HttpContext.Response.StatusCode = StatusCodes.Status410Gone;
            return Task.CompletedTask;
        };
        var context = TestTenants.Request("/t/ghost/settings");

        await InvokeAsync(context);

        Assert.Null(_seen);
        Assert.Equal(StatusCodes.Status410Gone, context.Response.StatusCode);
        Assert.NotNull(received);
        Assert.True(received.Resolution.IsUnknown);
        Assert.Equal("ghost", received.Resolution.Match?.Identifier);
    }

    [Fact]
    public async Task AnswerForbiddenForASuspendedTenantWithoutCallingNext()
    {
        var context = TestTenants.Request("/t/closed/settings");

        await InvokeAsync(context);

        Assert.Null(_seen);
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.Null(_tenantContext.Tenant);
    }

    [Fact]
    public async Task CallNextWithoutTenantWhenNothingMatches()
    {
        var context = TestTenants.Request("/platform/tenants");

        await InvokeAsync(context);

        Assert.NotNull(_seen);
        Assert.Null(_seen.Tenant);
        Assert.Equal("", _seen.PathBase);
        Assert.Equal("/platform/tenants", _seen.Path);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task LeaveThePathAloneForAHostMatch()
    {
        var context = TestTenants.Request("/settings", "demo.aftersales.test");

        await InvokeAsync(context, new HostStrategy("aftersales.test"));

        Assert.Equal("demo", _seen?.Tenant?.Identifier);
        Assert.Equal("", _seen?.PathBase);
        Assert.Equal("/settings", _seen?.Path);
    }

    private TenantResolver Resolver(params ITenantResolutionStrategy[] strategies) =>
        new(strategies.Length == 0 ? [new RoutePrefixStrategy()] : strategies, _store);

    private Task InvokeAsync(HttpContext context, params ITenantResolutionStrategy[] strategies)
    {
        var middleware = new TenantResolutionMiddleware(
            c =>
            {
                _seen = new Seen(c.Request.PathBase.Value ?? "", c.Request.Path.Value ?? "", _tenantContext.Tenant);
                return Task.CompletedTask;
            },
            Options.Create(_options));
        return middleware.InvokeAsync(context, Resolver(strategies), _tenantContext);
    }

    private sealed record Seen(string PathBase, string Path, TenantInfo? Tenant);
}

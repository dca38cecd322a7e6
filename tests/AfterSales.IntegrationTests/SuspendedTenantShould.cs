using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Suspends acme: a class (and database) of its own, so no other test sees the suspension.</summary>
public sealed class SuspendedTenantShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ShutTheTenantsPagesApiAndTokenEndpointAtOnce()
    {
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("acme-erp", "acme-erp-secret");
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/v1/me", token)).StatusCode);

        await SuspendAsync("acme");

        var (page, html) = await factory.CreateBrowser().GetPageAsync("/t/acme/account/login");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("data-testid=\"tenant-unavailable\"", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(factory.Services, "Errors.TenantSuspended.Title", "zh-CN"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"login-submit\"", html, StringComparison.Ordinal);

        // A login form posted after the suspension never reaches the sign-in.
        var post = await factory.CreateBrowser().PostAsync("/t/acme/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "admin@acme.example",
            ["Input.Password"] = AppFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(post.Headers.Contains("Set-Cookie") && post.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(Http.AuthCookie, StringComparison.Ordinal)));

        var api = await client.GetWithTokenAsync("/api/v1/me", token);
        Http.AssertProblem(api, HttpStatusCode.Forbidden);
        Http.AssertProblem(await client.GetWithTokenAsync("/t/acme/api/v1/me", token), HttpStatusCode.Forbidden);

        await Http.AssertTokenRefusedAsync(await client.RequestTokenAsync("acme-erp", "acme-erp-secret"));
        await Http.AssertTokenRefusedAsync(await client.RequestTokenAsync("acme-erp", "acme-erp-secret", "/t/acme/connect/token"));

        // The other tenant works on.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync("/t/demo/account/login")).StatusCode);
        var demoToken = await client.TokenAsync("demo-erp", "demo-erp-secret");
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/v1/me", demoToken)).StatusCode);
    }

    private async Task SuspendAsync(string identifier)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        var tenant = await store.GetForEditAsync((await factory.TenantAsync(identifier)).Id);
        Assert.NotNull(tenant);
        tenant.Status = TenantStatus.Suspended;
        await store.UpdateAsync(tenant);
    }
}

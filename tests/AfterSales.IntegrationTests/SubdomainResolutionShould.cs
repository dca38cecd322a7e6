using System.Net;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

public sealed class SubdomainResolutionShould(SubdomainAppFactory factory) : IClassFixture<SubdomainAppFactory>
{
    private const string Demo = "http://demo." + SubdomainAppFactory.Domain;

    [Fact]
    public async Task ServeTheTenantsLoginPageOnItsSubdomain()
    {
        var (response, html) = await factory.CreateBrowser(Demo).GetPageAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("演示电器服务有限公司", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTheNotFoundPageForAnUnknownSubdomain()
    {
        var (response, html) = await factory.CreateBrowser("http://nope." + SubdomainAppFactory.Domain).GetPageAsync("/account/login");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"tenant-unavailable\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAndShowTheDashboardOnTheSubdomain()
    {
        var browser = factory.CreateBrowser(Demo);

        var login = await browser.LoginAsync("", "admin@demo.example");
        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        var (response, html) = await browser.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"dashboard-numbers\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueTokensForTheSubdomainsOwnClients()
    {
        var client = factory.CreateCookielessClient(Demo);
        var token = await client.TokenAsync("demo-erp", "demo-erp-secret");

        var response = await client.GetWithTokenAsync("/api/v1/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("demo", (await response.JsonAsync<Me>())?.Tenant);
    }

    [Fact]
    public async Task RefuseAnotherTenantsTokenOnTheSubdomain()
    {
        var token = await factory.CreateCookielessClient().TokenAsync("acme-erp", "acme-erp-secret");

        var response = await factory.CreateCookielessClient(Demo).GetWithTokenAsync("/api/v1/me", token);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("acme-erp", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tenant\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseATokenRequestOfAnotherTenantsClientOnTheSubdomain()
    {
        var response = await factory.CreateCookielessClient(Demo).RequestTokenAsync("acme-erp", "acme-erp-secret");

        await Http.AssertTokenRefusedAsync(response);
    }
}

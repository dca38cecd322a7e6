using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Portal.Accounts;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace AfterSales.IntegrationTests;

/// <summary>
/// The portal on the tenant's own host (<c>demo.aftersales.test</c>): sign-in goes to the authorization server at the issuer's
/// address and comes back to the subdomain, whose callback the client has registered next to the path one.
/// </summary>
public sealed class PortalSubdomainShould(SubdomainPortalFactory factory) : IClassFixture<SubdomainPortalFactory>
{
    private const string Host = "demo." + SubdomainPortalFactory.Domain;

    [Fact]
    public async Task RegisterBothCallbacksOfThePortalClient()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await applications.FindByClientIdAsync("portal-demo");

        var redirects = await applications.GetRedirectUrisAsync(client!);
        var logouts = await applications.GetPostLogoutRedirectUrisAsync(client!);

        Assert.Equal([$"http://{Host}/portal/signin-callback", PortalFactory.Issuer + "t/demo/portal/signin-callback"], redirects.Order(StringComparer.Ordinal));
        Assert.Equal([$"http://{Host}/portal", PortalFactory.Issuer + "t/demo/portal"], logouts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SignInOnTheSubdomainThroughTheIssuersAuthorizeEndpoint()
    {
        await factory.CreateAccountAsync("demo", "C1001", "subdomain@customer.example");
        var browser = factory.CreateBrowser($"http://{Host}");

        var start = await browser.GetAsync("/portal/signin");
        var authorize = start.Headers.Location!;

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal(PortalFactory.Issuer + "t/demo/connect/authorize", authorize.GetLeftPart(UriPartial.Path));
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString($"http://{Host}/portal/signin-callback"), authorize.Query, StringComparison.Ordinal);
        Assert.Contains(start.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AfterSales.PortalFlow=", StringComparison.Ordinal) && c.Contains("path=/portal", StringComparison.OrdinalIgnoreCase));

        var customer = await factory.SignedInOnSubdomainAsync("demo", "subdomain@customer.example", SubdomainPortalFactory.Domain);
        var (page, html) = await customer.GetPageAsync($"http://{Host}/portal/requests");
        var (pathPage, _) = await customer.GetPageAsync("http://localhost/t/demo/portal/requests");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"portal-nav-requests\"", html, StringComparison.Ordinal);
        // The portal's own cookie belongs to the subdomain it was set on; the path address asks for its own sign-in (silent, same login).
        Assert.Equal(HttpStatusCode.Redirect, pathPage.StatusCode);
    }

    [Fact]
    public async Task RefuseACallbackOnAnotherTenantsSubdomain()
    {
        var browser = factory.CreateBrowser($"http://{Host}");
        var start = await browser.GetAsync("/portal/signin");
        var authorize = start.Headers.Location!.AbsoluteUri.Replace(Uri.EscapeDataString($"http://{Host}/"), Uri.EscapeDataString($"http://acme.{SubdomainPortalFactory.Domain}/"), StringComparison.Ordinal);

        var response = await browser.GetAsync(authorize);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>The portal's host with subdomains on (<c>{tenant}.aftersales.test</c>).</summary>
public sealed class SubdomainPortalFactory : PortalFactory
{
    public const string Domain = "aftersales.test";

    protected override string BaseHost => Domain;
}

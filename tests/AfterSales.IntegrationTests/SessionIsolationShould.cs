using System.Net;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

public sealed class SessionIsolationShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task NotAuthenticateADemoCookieAtAcme()
    {
        var login = await factory.CreateBrowser().LoginAsync("/t/demo", "admin@demo.example");
        var cookie = Http.AuthCookieHeader(login);
        var client = factory.CreateCookielessClient();

        var atDemo = await client.GetWithCookieAsync("/t/demo/", cookie);
        var atAcme = await client.GetWithCookieAsync("/t/acme/", cookie);

        Assert.Equal(HttpStatusCode.OK, atDemo.StatusCode);
        Assert.Contains("data-testid=\"dashboard-numbers\"", await atDemo.TextAsync(), StringComparison.Ordinal);
        Http.AssertRedirectToLogin(atAcme, "/t/acme");
        Assert.DoesNotContain("data-testid=\"dashboard-numbers\"", await atAcme.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LetThePlatformOperatorIntoThePlatformArea()
    {
        var browser = factory.CreateBrowser();

        var login = await browser.LoginAsync("", "operator@aftersales.example");
        var (response, html) = await browser.GetPageAsync("/platform");

        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal("/platform", Http.RedirectPath(login));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"new-tenant\"", html, StringComparison.Ordinal);
        Assert.Contains("acme", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepTenantUsersOutOfThePlatformArea()
    {
        var browser = factory.CreateBrowser();
        var login = await browser.LoginAsync("/t/demo", "admin@demo.example");
        var cookie = Http.AuthCookieHeader(login);

        var (insideTenant, insideHtml) = await browser.GetPageAsync("/t/demo/platform");
        var outside = await factory.CreateCookielessClient().GetWithCookieAsync("/platform", cookie);

        Assert.DoesNotContain("data-testid=\"new-tenant\"", insideHtml, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.InternalServerError, insideTenant.StatusCode);
        Http.AssertRedirectToLogin(outside, "");
        Assert.DoesNotContain("data-testid=\"new-tenant\"", await outside.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotLetThePlatformOperatorsCookieIntoATenant()
    {
        var login = await factory.CreateBrowser().LoginAsync("", "operator@aftersales.example");
        var cookie = Http.AuthCookieHeader(login);

        var response = await factory.CreateCookielessClient().GetWithCookieAsync("/t/demo/", cookie);

        Http.AssertRedirectToLogin(response, "/t/demo");
    }

    [Fact]
    public async Task SignOutAndReturnToTheLoginPage()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "agent@demo.example");
        var (_, dashboard) = await browser.GetPageAsync("/t/demo/");
        var token = System.Text.RegularExpressions.Regex.Match(dashboard, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var logout = await browser.PostAsync("/t/demo/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal("/t/demo/account/login", Http.RedirectPath(logout));
        Http.AssertRedirectToLogin(await browser.GetAsync("/t/demo/"), "/t/demo");
    }
}

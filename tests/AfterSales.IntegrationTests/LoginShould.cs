using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Administration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

public sealed class LoginShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("demo", "admin", "Administrator")]
    [InlineData("demo", "manager", "Service manager")]
    [InlineData("demo", "dispatcher", "Dispatcher")]
    [InlineData("demo", "agent", "Agent")]
    [InlineData("demo", "engineer", "Engineer")]
    [InlineData("acme", "admin", "Administrator")]
    [InlineData("acme", "manager", "Service manager")]
    [InlineData("acme", "dispatcher", "Dispatcher")]
    [InlineData("acme", "agent", "Agent")]
    [InlineData("acme", "engineer", "Engineer")]
    public async Task SignInEveryRoleAndShowItsStartPage(string tenant, string role, string displayName)
    {
        var browser = factory.CreateBrowser();

        var login = await browser.LoginAsync($"/t/{tenant}", $"{role}@{tenant}.example");

        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal($"/t/{tenant}/", Http.RedirectPath(login));
        var (response, html) = await browser.GetPageAsync($"/t/{tenant}/");
        if (role == "engineer")
        {
            // An engineer starts on their day (My work), not on the desk's numbers.
            Assert.Equal($"/t/{tenant}/my-work", Http.RedirectPath(response));
            (response, html) = await browser.GetPageAsync($"/t/{tenant}/my-work");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(role == "engineer" ? "data-testid=\"my-work-days\"" : "data-testid=\"dashboard-numbers\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-out\"", html, StringComparison.Ordinal);
        Assert.Contains(displayName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectAnonymousVisitorsOfTheDashboardToTheLogin()
    {
        var response = await factory.CreateBrowser().GetAsync("/t/demo/");

        Http.AssertRedirectToLogin(response, "/t/demo");
    }

    [Fact]
    public async Task ShowAnErrorForAWrongPassword()
    {
        var browser = factory.CreateBrowser();

        var login = await browser.LoginAsync("/t/demo", "manager@demo.example", "Wrong@12345");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(Texts.Get(factory.Services, "Account.InvalidLogin", "zh-CN"), Http.LoginError(await login.TextAsync()));
        Assert.False(login.Headers.Contains("Set-Cookie") && login.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(Http.AuthCookie, StringComparison.Ordinal)));
        Http.AssertRedirectToLogin(await browser.GetAsync("/t/demo/"), "/t/demo");
    }

    [Fact]
    public async Task SignAUserInToTheirOwnTenantOnly()
    {
        var atDemo = await factory.CreateBrowser().LoginAsync("/t/demo", "admin@acme.example");
        var atAcme = await factory.CreateBrowser().LoginAsync("/t/acme", "admin@acme.example");

        Assert.Equal(HttpStatusCode.OK, atDemo.StatusCode);
        Assert.Equal(Texts.Get(factory.Services, "Account.InvalidLogin", "zh-CN"), Http.LoginError(await atDemo.TextAsync()));
        Assert.Equal(HttpStatusCode.Found, atAcme.StatusCode);
    }

    [Fact]
    public async Task NotSignThePlatformOperatorIntoATenant()
    {
        var login = await factory.CreateBrowser().LoginAsync("/t/demo", "operator@aftersales.example");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotNull(Http.LoginError(await login.TextAsync()));
    }

    [Fact]
    public async Task LockTheAccountAfterFiveFailures()
    {
        const string email = "lockout@demo.example";
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Lockout" }, AppFactory.Password);
            Assert.True(created.Succeeded);
            Assert.True((await users.AddToRoleAsync((await users.FindByNameAsync(email))!, "Agent")).Succeeded);
        }

        var invalid = Texts.Get(factory.Services, "Account.InvalidLogin", "zh-CN");
        var lockedOut = Texts.Get(factory.Services, "Account.LockedOut", "zh-CN");
        var browser = factory.CreateBrowser();
        var errors = new List<string?>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            errors.Add(Http.LoginError(await (await browser.LoginAsync("/t/demo", email, "Wrong@12345")).TextAsync()));
        }

        var withRightPassword = await browser.LoginAsync("/t/demo", email);

        Assert.Equal([invalid, invalid, invalid, invalid, lockedOut], errors);
        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Equal(lockedOut, Http.LoginError(await withRightPassword.TextAsync()));
    }
}

using System.Net;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

public sealed class LocalizationShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("demo", "登录")]
    [InlineData("acme", "Sign in")]
    public async Task UseTheTenantsDefaultCulture(string tenant, string heading)
    {
        var (_, html) = await factory.CreateBrowser().GetPageAsync($"/t/{tenant}/account/login");

        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo", "en", "Sign in")]
    [InlineData("acme", "zh-CN", "登录")]
    public async Task LetTheUsersChoiceWinOverTheTenantsDefault(string tenant, string culture, string heading)
    {
        var browser = factory.CreateBrowser();

        var set = await browser.GetAsync($"/t/{tenant}/culture/set?culture={culture}&returnUrl=%2Ft%2F{tenant}%2Faccount%2Flogin");
        var (_, html) = await browser.GetPageAsync($"/t/{tenant}/account/login");

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal($"/t/{tenant}/account/login", Http.RedirectPath(set));
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{culture}\"", html, StringComparison.Ordinal);
    }
}

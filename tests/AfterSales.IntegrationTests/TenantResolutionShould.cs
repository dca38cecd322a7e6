using System.Net;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

public sealed class TenantResolutionShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("demo", "演示电器服务有限公司")]
    [InlineData("acme", "Acme Equipment Ltd.")]
    public async Task ServeTheTenantsLoginPageUnderItsPathPrefix(string tenant, string name)
    {
        var (response, html) = await factory.CreateBrowser().GetPageAsync($"/t/{tenant}/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"login-submit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveThePrefixCaseInsensitively()
    {
        var (response, html) = await factory.CreateBrowser().GetPageAsync("/t/DEMO/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("演示电器服务有限公司", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTheNotFoundPageForAnUnknownTenant()
    {
        var (response, html) = await factory.CreateBrowser().GetPageAsync("/t/nope/account/login");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"tenant-unavailable\"", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(factory.Services, "Errors.TenantNotFound.Title", "zh-CN"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"login-submit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerTheApiOfAnUnknownTenantWithProblemDetails()
    {
        var response = await factory.CreateBrowser().GetAsync("/t/nope/api/v1/me");

        Http.AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ServeTheLandingPageOutsideTenants()
    {
        var (response, html) = await factory.CreateBrowser().GetPageAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Texts.Get(factory.Services, "Account.SignInPlatform", "zh-CN"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("演示电器服务有限公司", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTheNotFoundPageForAnUnknownRouteInsideATenant()
    {
        var (response, html) = await factory.CreateBrowser().GetPageAsync("/t/demo/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(Texts.Get(factory.Services, "Errors.NotFound.Title", "zh-CN"), html, StringComparison.Ordinal);
        Assert.Contains("<base href=\"/t/demo/\"", html, StringComparison.Ordinal);
    }
}

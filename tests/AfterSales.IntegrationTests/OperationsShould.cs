using System.Net;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

public sealed class OperationsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task ReportHealthy(string url)
    {
        var response = await factory.CreateCookielessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PublishTheOpenApiDocumentOfTheApi()
    {
        var response = await factory.CreateCookielessClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"/api/v1/me\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/connect/token", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/logout", document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/t/demo/account/login")]
    [InlineData("/account/login")]
    [InlineData("/t/nope/account/login")]
    [InlineData("/api/v1/me")]
    public async Task SendTheSecurityHeaders(string url)
    {
        var response = await factory.CreateCookielessClient().GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }
}

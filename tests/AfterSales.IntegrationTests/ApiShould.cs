using System.Net;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

public sealed class ApiShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound];

    // One issuer for every address: a token from the root or from the tenant's prefix works at both.
    [Theory]
    [InlineData("/connect/token", "/api/v1/me")]
    [InlineData("/connect/token", "/t/demo/api/v1/me")]
    [InlineData("/t/demo/connect/token", "/t/demo/api/v1/me")]
    [InlineData("/t/demo/connect/token", "/api/v1/me")]
    public async Task IssueAClientCredentialsTokenAndNameItsTenantAndClient(string tokenUrl, string url)
    {
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("demo-erp", "demo-erp-secret", tokenUrl);

        var response = await client.GetWithTokenAsync(url, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.JsonAsync<Me>();
        Assert.NotNull(me);
        Assert.Equal("demo", me.Tenant);
        Assert.Equal("demo-erp", me.ClientId);
        Assert.Equal("演示电器服务有限公司", me.TenantName);
    }

    [Fact]
    public async Task IssueATokenUnderTheClientsOwnTenantPrefix()
    {
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("acme-erp", "acme-erp-secret", "/t/acme/connect/token");

        var me = await (await client.GetWithTokenAsync("/t/acme/api/v1/me", token)).JsonAsync<Me>();

        Assert.Equal("acme", me?.Tenant);
        Assert.Equal("acme-erp", me?.ClientId);
    }

    [Theory]
    [InlineData("demo-erp", "wrong-secret")]
    [InlineData("demo-erp", "acme-erp-secret")]
    [InlineData("nobody", "demo-erp-secret")]
    public async Task RefuseAWrongSecretOrUnknownClient(string clientId, string secret)
    {
        var response = await factory.CreateCookielessClient().RequestTokenAsync(clientId, secret);

        await Http.AssertTokenRefusedAsync(response);
    }

    [Fact]
    public async Task RefuseAnotherTenantsTokenUnderThePrefix()
    {
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("acme-erp", "acme-erp-secret");

        var response = await client.GetWithTokenAsync("/t/demo/api/v1/me", token);

        // The token is valid; the tenant rule alone refuses it.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("acme-erp", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tenant\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseATokenRequestOfAnotherTenantsClientUnderThePrefix()
    {
        var response = await factory.CreateCookielessClient().RequestTokenAsync("acme-erp", "acme-erp-secret", "/t/demo/connect/token");

        await Http.AssertTokenRefusedAsync(response);
    }

    [Fact]
    public async Task AnswerARequestWithoutTokenWith401ProblemDetails()
    {
        var response = await factory.CreateCookielessClient().GetAsync("/api/v1/me");

        Http.AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefuseAForgedToken()
    {
        var response = await factory.CreateCookielessClient().GetWithTokenAsync("/api/v1/me", "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NotAcceptAStaffCookieAsApiCredentials()
    {
        var login = await factory.CreateBrowser().LoginAsync("/t/demo", "admin@demo.example");

        var response = await factory.CreateCookielessClient().GetWithCookieAsync("/t/demo/api/v1/me", Http.AuthCookieHeader(login));

        Assert.Contains(response.StatusCode, Refusals);
    }
}

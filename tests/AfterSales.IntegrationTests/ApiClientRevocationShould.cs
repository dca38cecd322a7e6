using System.Net;
using AfterSales.Host.Data;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Administration.ApiClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Revokes demo-erp: a class (and database) of its own.</summary>
public sealed class ApiClientRevocationShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task StopTheClientsTokensAndRefuseNewOnes()
    {
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("demo-erp", "demo-erp-secret");
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/v1/me", token)).StatusCode);

        bool revoked;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var id = await ClientIdAsync(scope.ServiceProvider, "demo-erp");
            revoked = await scope.ServiceProvider.GetRequiredService<ApiClientService>().RevokeAsync(id);
        }

        Assert.True(revoked);
        var withOldToken = await client.GetWithTokenAsync("/api/v1/me", token);
        Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
        await Http.AssertTokenRefusedAsync(await client.RequestTokenAsync("demo-erp", "demo-erp-secret"));
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiClients.SingleAsync(c => c.ClientId == "demo-erp");
            Assert.NotNull(stored.RevokedAt);
        }
    }

    [Fact]
    public async Task NotRevokeAnotherTenantsClient()
    {
        Guid acmeId;
        await using (var acmeScope = await factory.TenantScopeAsync("acme"))
        {
            acmeId = await ClientIdAsync(acmeScope.ServiceProvider, "acme-erp");
        }

        bool revoked;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            revoked = await scope.ServiceProvider.GetRequiredService<ApiClientService>().RevokeAsync(acmeId);
        }

        Assert.False(revoked);
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("acme-erp", "acme-erp-secret");
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/v1/me", token)).StatusCode);
    }

    private static Task<Guid> ClientIdAsync(IServiceProvider services, string clientId) =>
        services.GetRequiredService<AppDbContext>().ApiClients.Where(c => c.ClientId == clientId).Select(c => c.Id).SingleAsync();
}

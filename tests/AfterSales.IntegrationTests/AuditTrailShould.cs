using AfterSales.Host.Data;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Administration.ApiClients;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

public sealed class AuditTrailShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task RecordTheCreationOfAnApiClientUnderItsKey()
    {
        var demo = await factory.TenantAsync("demo");
        ApiClientService.CreatedClient created;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            created = await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync("Warehouse sync");
        }

        await using var readScope = await factory.TenantScopeAsync("demo");
        var db = readScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = await db.AuditEntries.Where(a => a.EntityType == "ApiClient" && a.EntityKey == created.Id.ToString()).ToListAsync();

        var entry = Assert.Single(entries);
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal(demo.Id, entry.TenantId);
        Assert.Contains("Warehouse sync", entry.Changes, StringComparison.Ordinal);
        Assert.Contains(created.ClientId, entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, entry.Changes, StringComparison.Ordinal);
        Assert.StartsWith("demo-", created.ClientId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepTheTrailWithinItsTenant()
    {
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync("Demo only");
        }

        await using var acmeScope = await factory.TenantScopeAsync("acme");
        var acme = await factory.TenantAsync("acme");
        var entries = await acmeScope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.ToListAsync();

        Assert.All(entries, e => Assert.Equal(acme.Id, e.TenantId));
        Assert.DoesNotContain(entries, e => e.Changes.Contains("Demo only", StringComparison.Ordinal));
    }
}

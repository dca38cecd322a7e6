using AfterSales.Host.Data;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Administration;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The tenant filter and save hook, through the real DbContext of the host.</summary>
public sealed class DataIsolationShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ShowATenantScopeOnlyItsOwnApiClientsAndUsers()
    {
        var demo = await factory.TenantAsync("demo");
        await using var scope = await factory.TenantScopeAsync("demo");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var clients = await db.ApiClients.ToListAsync();
        var users = await db.Users.ToListAsync();

        Assert.Equal(["demo-erp"], clients.Select(c => c.ClientId));
        Assert.All(clients, c => Assert.Equal(demo.Id, c.TenantId));
        Assert.Equal(5, users.Count);
        Assert.All(users, u => Assert.Equal(demo.Id, u.TenantId));
        Assert.DoesNotContain(users, u => u.Email!.EndsWith("@acme.example", StringComparison.Ordinal));
        Assert.Equal(0, await db.Users.CountAsync(u => u.Email == "admin@acme.example" || u.Email == "operator@aftersales.example"));
    }

    [Fact]
    public async Task NotFindAnotherTenantsRowByItsId()
    {
        var acmeClient = await AcmeClientAsync();
        await using var scope = await factory.TenantScopeAsync("demo");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Null(await db.ApiClients.FindAsync(acmeClient.Id));
        Assert.Null(await db.ApiClients.FirstOrDefaultAsync(c => c.Id == acmeClient.Id));
        Assert.Null(await db.ApiClients.FirstOrDefaultAsync(c => c.ClientId == "acme-erp"));
    }

    [Fact]
    public async Task RefuseToSaveAnotherTenantsRowFromATenantScope()
    {
        var acme = await factory.TenantAsync("acme");
        var acmeClient = await AcmeClientAsync();
        await using var scope = await factory.TenantScopeAsync("demo");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        db.ApiClients.Add(new ApiClient { TenantId = acme.Id, ClientId = "planted", DisplayName = "Planted" });
        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        acmeClient.DisplayName = "Renamed from demo";
        db.ApiClients.Update(acmeClient);
        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.ApiClients.Remove(acmeClient);
        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());

        var stored = await AcmeClientAsync();
        Assert.Equal("ERP", stored.DisplayName);
        await using var acmeScope = await factory.TenantScopeAsync("acme");
        Assert.False(await acmeScope.ServiceProvider.GetRequiredService<AppDbContext>().ApiClients.AnyAsync(c => c.ClientId == "planted"));
    }

    [Fact]
    public async Task RefuseToSaveAnotherTenantsUserFromATenantScope()
    {
        await using var acmeScope = await factory.TenantScopeAsync("acme");
        var acmeAdmin = await acmeScope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == "admin@acme.example");
        await using var scope = await factory.TenantScopeAsync("demo");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        acmeAdmin.DisplayName = "Renamed from demo";
        db.Users.Update(acmeAdmin);

        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
    }

    private async Task<ApiClient> AcmeClientAsync()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == "acme-erp");
    }
}

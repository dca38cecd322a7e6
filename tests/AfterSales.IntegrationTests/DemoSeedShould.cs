using AfterSales.Host.Data;
using AfterSales.Host.Seeding;
using AfterSales.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

public sealed class DemoSeedShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SeedThePromisedDemoData()
    {
        var counts = await CountAsync();

        Assert.Equal(2, counts.Tenants);
        Assert.Equal(11, counts.Users);
        Assert.Equal(6, counts.Roles);
        Assert.Equal(2, counts.ApiClients);
        // The two ERP clients and each tenant's portal client (portal-demo, portal-acme).
        Assert.Equal(4, counts.Applications);
    }

    [Fact]
    public async Task ChangeNothingWhenRunAgain()
    {
        var before = await CountAsync();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        Assert.Equal(before, await CountAsync());
    }

    private async Task<Counts> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Counts(
            await db.Tenants.CountAsync(),
            await db.Users.IgnoreQueryFilters().CountAsync(),
            await db.Roles.CountAsync(),
            await db.UserRoles.CountAsync(),
            await db.ApiClients.IgnoreQueryFilters().CountAsync(),
            await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().CountAsync(),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync(),
            string.Join(",", await db.Users.IgnoreQueryFilters().OrderBy(u => u.Id).Select(u => u.Id + u.ConcurrencyStamp).ToListAsync()));
    }

    private sealed record Counts(int Tenants, int Users, int Roles, int UserRoles, int ApiClients, int Applications, int AuditEntries, string UserVersions);
}

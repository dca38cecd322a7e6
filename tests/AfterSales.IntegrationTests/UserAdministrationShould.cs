using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Administration.Users;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The tenant admin's user management, as the Users page calls it.</summary>
public sealed class UserAdministrationShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ListOnlyTheTenantsOwnUsers()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var page = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(null, 0, 20);

        Assert.Equal(5, page.Total);
        Assert.All(page.Rows, r => Assert.EndsWith("@acme.example", r.Email, StringComparison.Ordinal));
        Assert.Contains(page.Rows, r => r.Email == "admin@acme.example" && r.Roles.SequenceEqual([Roles.TenantAdmin]));
    }

    [Fact]
    public async Task CreateAUserWithRolesAndFindItBySearch()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await users.CreateAsync(new UserAdministration.UserInput("field.tech@acme.example", "Field Tech", [Roles.Engineer, Roles.Agent], "Field@2026x"));
        var page = await users.ListAsync("field", 0, 20);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        var row = Assert.Single(page.Rows);
        Assert.Equal([Roles.Agent, Roles.Engineer], row.Roles);
    }

    [Fact]
    public async Task RefuseToRemoveTheLastAdministrator()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var admin = (await users.ListAsync("admin@acme", 0, 20)).Rows.Single();

        var demoted = await users.UpdateAsync(admin.Id, new UserAdministration.UserInput(admin.Email, admin.DisplayName, [Roles.Manager], null));
        var deleted = await users.DeleteAsync(admin.Id, actingUserId: "someone-else");

        Assert.Equal("LastAdmin", Assert.Single(demoted!.Errors).Code);
        Assert.Equal("LastAdmin", Assert.Single(deleted!.Errors).Code);
    }

    [Fact]
    public async Task RefuseToLockOneselfOrTheLastAdministratorWhoCanSignIn()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var admin = (await users.ListAsync("admin@acme", 0, 20)).Rows.Single();

        var self = await users.SetLockedAsync(admin.Id, true, actingUserId: admin.Id);
        var last = await users.SetLockedAsync(admin.Id, true, actingUserId: "someone-else");

        Assert.Equal("LockSelf", Assert.Single(self!.Errors).Code);
        Assert.Equal("LastActiveAdmin", Assert.Single(last!.Errors).Code);
        Assert.False((await users.ListAsync("admin@acme", 0, 20)).Rows.Single().IsLockedOut);
    }

    [Fact]
    public async Task AnswerNullForAnotherTenantsUser()
    {
        string acmeAdminId;
        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            acmeAdminId = (await acme.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync("admin@acme", 0, 20)).Rows.Single().Id;
        }

        await using var demo = await factory.TenantScopeAsync("demo");
        var users = demo.ServiceProvider.GetRequiredService<UserAdministration>();

        Assert.Null(await users.SetLockedAsync(acmeAdminId, true, null));
        Assert.Null(await users.DeleteAsync(acmeAdminId, null));
    }
}

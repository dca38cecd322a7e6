using System.Net;
using AfterSales.Modules.Administration;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>A fresh production installation: no demo seed, yet the roles and the first operator from configuration.</summary>
public sealed class PlatformBootstrapShould : IClassFixture<PlatformBootstrapShould.FreshInstallation>
{
    private const string OperatorEmail = "ops@platform.example";
    private const string OperatorPassword = "Ops-Secret-2026";
    private readonly FreshInstallation _factory;

    public PlatformBootstrapShould(FreshInstallation factory) => _factory = factory;

    [Fact]
    public async Task CreateEveryRoleAndTheFirstOperatorOnce()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.TenantRoles.Append(Roles.PlatformOperator))
        {
            Assert.True(await roles.RoleExistsAsync(role), role);
        }

        // A second start, as another replica or after a restart, adds nothing.
        await _factory.Services.GetRequiredService<AfterSales.Host.Setup.PlatformBootstrap>().RunAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var operators = await users.GetUsersInRoleAsync(Roles.PlatformOperator);
        Assert.Equal(OperatorEmail, Assert.Single(operators).Email);
        Assert.Empty(users.Users.Where(u => u.Email != OperatorEmail));
    }

    [Fact]
    public async Task LetTheFirstOperatorIntoTheConsole()
    {
        var browser = _factory.CreateBrowser();

        var login = await browser.LoginAsync("", OperatorEmail, OperatorPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var console = await browser.GetAsync("/platform");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    public sealed class FreshInstallation : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Platform:Operator:Email", OperatorEmail);
            builder.UseSetting("Platform:Operator:Password", OperatorPassword);
        }
    }
}

using System.Net;
using AfterSales.Host.Data;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Support access: an operator gets into a tenant as themselves only under that tenant's valid, audited grant.</summary>
public sealed class SupportAccessShould(LimitsAppFactory factory) : IClassFixture<LimitsAppFactory>
{
    [Fact]
    public async Task LetAnOperatorInOnlyWhileTheTenantsGrantHoldsAndAuditEveryStep()
    {
        var operatorBrowser = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBrowser.LoginAsync("", "operator@aftersales.example")).StatusCode);
        var operatorId = await OperatorIdAsync();

        var before = await operatorBrowser.GetAsync("/t/demo/requests");
        Assert.NotEqual(HttpStatusCode.OK, before.StatusCode);

        SupportGrant grant;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var support = scope.ServiceProvider.GetRequiredService<SupportAccess>();
            Assert.Null(await support.GrantAsync(Roles.Engineer, 8, null));
            Assert.Null(await support.GrantAsync(Roles.Manager, 5, null));
            grant = (await support.GrantAsync(Roles.Manager, 8, "Dispatch board looks empty"))!;
        }

        var (inside, html) = await operatorBrowser.GetPageAsync("/t/demo/requests");
        var (again, _) = await operatorBrowser.GetPageAsync("/t/demo/requests");
        var adminOnly = await operatorBrowser.GetAsync("/t/demo/admin/users");
        var otherTenant = await operatorBrowser.GetAsync("/t/acme/requests");
        var platform = await operatorBrowser.GetAsync("/platform");

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-testid=\"support-banner\"", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, adminOnly.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, platform.StatusCode);

        // Another tenant neither sees nor revokes the grant.
        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var support = acme.ServiceProvider.GetRequiredService<SupportAccess>();
            Assert.DoesNotContain(await support.GrantsAsync(), g => g.Grant.Id == grant.Id);
            Assert.Equal(SupportGrantStatus.NotFound, await support.RevokeAsync(grant.Id, grant.ConcurrencyStamp));
        }

        await using (var platformScope = factory.Services.CreateAsyncScope())
        {
            var valid = await platformScope.ServiceProvider.GetRequiredService<SupportAccess>().ValidGrantsAsync();
            var listed = Assert.Single(valid);
            Assert.Equal(("demo", Roles.Manager), (listed.Identifier, listed.Role));
        }

        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var support = scope.ServiceProvider.GetRequiredService<SupportAccess>();
            Assert.Equal(SupportGrantStatus.Conflict, await support.RevokeAsync(grant.Id, "stale"));
            Assert.Equal(SupportGrantStatus.Done, await support.RevokeAsync(grant.Id, grant.ConcurrencyStamp));
            var listed = Assert.Single(await support.GrantsAsync());
            Assert.False(listed.IsValid);
            Assert.Equal(operatorId, Assert.Single(listed.Visits).OperatorId);
        }

        var afterRevoke = await operatorBrowser.GetAsync("/t/demo/requests");
        Assert.NotEqual(HttpStatusCode.OK, afterRevoke.StatusCode);

        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            await scope.ServiceProvider.GetRequiredService<SupportAccess>().GrantAsync(Roles.TenantAdmin, 1, null);
        }

        Assert.Equal(HttpStatusCode.OK, (await operatorBrowser.GetAsync("/t/demo/admin/users")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.NotEqual(HttpStatusCode.OK, (await operatorBrowser.GetAsync("/t/demo/admin/users")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await operatorBrowser.GetAsync("/t/demo/requests")).StatusCode);

        await using var audit = await factory.TenantScopeAsync("demo");
        var entries = await audit.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(SupportGrant) || e.EntityType == nameof(SupportVisit)).ToListAsync();
        Assert.Equal(2, entries.Count(e => e is { EntityType: nameof(SupportGrant), Action: AuditAction.Created }));
        Assert.Contains(entries, e => e is { EntityType: nameof(SupportGrant), Action: AuditAction.Updated } && e.Changes.Contains("RevokedAt", StringComparison.Ordinal));
        var visits = entries.Where(e => e.EntityType == nameof(SupportVisit)).ToList();
        Assert.Equal(2, visits.Count);
        Assert.All(visits, v => Assert.Equal(operatorId, v.UserId));
    }

    [Fact]
    public async Task LetOnlyTheTenantAdminGrantAndShowTheGrantsOnTheBillingPage()
    {
        var manager = factory.CreateBrowser();
        await manager.LoginAsync("/t/acme", "manager@acme.example");
        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/acme", "admin@acme.example");

        var refused = await manager.GetAsync("/t/acme/admin/billing");
        var (page, html) = await admin.GetPageAsync("/t/acme/admin/billing");

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"support-access\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShutASuspendedTenantEvenToSupportAndOpenItAgainOnResume()
    {
        await using (var scope = await factory.TenantScopeAsync("acme"))
        {
            await scope.ServiceProvider.GetRequiredService<SupportAccess>().GrantAsync(Roles.Manager, 24, null);
        }

        var operatorBrowser = factory.CreateBrowser();
        await operatorBrowser.LoginAsync("", "operator@aftersales.example");
        Assert.Equal(HttpStatusCode.OK, (await operatorBrowser.GetAsync("/t/acme/requests")).StatusCode);

        // What the console's suspend and resume buttons do.
        await SetStatusAsync("acme", TenantStatus.Suspended);
        var suspendedLogin = await factory.CreateBrowser().GetAsync("/t/acme/account/login");
        var suspendedSupport = await operatorBrowser.GetAsync("/t/acme/requests");
        await SetStatusAsync("acme", TenantStatus.Active);
        var resumedLogin = await factory.CreateBrowser().GetAsync("/t/acme/account/login");
        var resumedSupport = await operatorBrowser.GetAsync("/t/acme/requests");

        Assert.Equal(HttpStatusCode.Forbidden, suspendedLogin.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, suspendedSupport.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumedLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumedSupport.StatusCode);

        // The class's other tests expect acme without a grant.
        await using var cleanup = await factory.TenantScopeAsync("acme");
        var support = cleanup.ServiceProvider.GetRequiredService<SupportAccess>();
        foreach (var grant in (await support.GrantsAsync()).Where(g => g.IsValid))
        {
            Assert.Equal(SupportGrantStatus.Done, await support.RevokeAsync(grant.Grant.Id, grant.Grant.ConcurrencyStamp));
        }
    }

    private async Task SetStatusAsync(string identifier, TenantStatus status)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        var tenant = await store.GetForEditAsync((await factory.TenantAsync(identifier)).Id);
        Assert.NotNull(tenant);
        tenant.Status = status;
        await store.UpdateAsync(tenant);
    }

    private async Task<string> OperatorIdAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.IgnoreQueryFilters().Where(u => u.NormalizedUserName == "OPERATOR@AFTERSALES.EXAMPLE").Select(u => u.Id).SingleAsync();
    }
}

/// <summary>The host on a clock the test moves (support grants expire, API days turn).</summary>
public sealed class LimitsAppFactory : AppFactory
{
    public MovableClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

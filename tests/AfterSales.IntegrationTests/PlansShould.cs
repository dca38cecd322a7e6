using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Administration.Users;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Products;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Plan limits, usage, and what each subscription state lets a tenant do.</summary>
public sealed class PlansShould(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    [Fact]
    public async Task RefuseStaffEngineersAndSerialsBeyondThePlanWithAWayToUpgrade()
    {
        var tenant = await factory.TenantAsync("demo");
        var before = await UsageAsync("demo");
        await SetPlanAsync(tenant.Id, new Plan
        {
            Code = "tight-demo", NameZh = "紧", NameEn = "Tight",
            StaffSeats = (int)before[PlanLimit.StaffSeats]! + 2, Engineers = (int)before[PlanLimit.Engineers]! + 1, SerialNumbers = (int)before[PlanLimit.SerialNumbers]! + 1,
        }, SubscriptionStatus.Active);
        await using var scope = await factory.TenantScopeAsync("demo");
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();

        var engineer = await users.CreateAsync(new("eng.limit1@demo.example", "Eng 1", [Roles.Engineer], "Limit@2026x"));
        var engineerTooMany = await users.CreateAsync(new("eng.limit2@demo.example", "Eng 2", [Roles.Engineer], "Limit@2026x"));
        var agent = await users.CreateAsync(new("agent.limit1@demo.example", "Agent 1", [Roles.Agent], "Limit@2026x"));
        var seatTooMany = await users.CreateAsync(new("agent.limit2@demo.example", "Agent 2", [Roles.Agent], "Limit@2026x"));
        var agentRow = (await users.ListAsync("agent.limit1", 0, 5)).Rows.Single();
        var promote = await users.UpdateAsync(agentRow.Id, new("agent.limit1@demo.example", "Agent 1", [Roles.Agent, Roles.Engineer], null));
        var unit = await registry.RegisterAsync(new SerialInput { Number = "LIMIT-0001", ModelCode = "KT-35" });
        var unitTooMany = await registry.RegisterAsync(new SerialInput { Number = "LIMIT-0002", ModelCode = "KT-35" });
        var preview = await scope.ServiceProvider.GetRequiredService<SerialImport>()
            .CheckAsync(Encoding.UTF8.GetBytes("序列号,型号编码\nLIMIT-IMP-1,KT-35"), "units.csv");
        var api = factory.CreateCookielessClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.TokenAsync("demo-erp", "demo-erp-secret"));
        var apiResponse = await api.PostAsJsonAsync("/api/v1/serials", new { number = "LIMIT-API-1", modelCode = "KT-35" });

        Assert.True(engineer.Succeeded);
        Assert.True(agent.Succeeded);
        Assert.Equal(SerialSaveStatus.Saved, unit.Status);
        var engineerError = Assert.Single(engineerTooMany.Errors);
        Assert.Equal(UserAdministration.PlanLimitCode, engineerError.Code);
        Assert.Contains("/t/demo/admin/billing", engineerError.Description, StringComparison.Ordinal);
        Assert.Equal(UserAdministration.PlanLimitCode, Assert.Single(seatTooMany.Errors).Code);
        Assert.Equal(UserAdministration.PlanLimitCode, Assert.Single(promote!.Errors).Code);
        Assert.Equal(SerialSaveStatus.Invalid, unitTooMany.Status);
        Assert.Contains("/t/demo/admin/billing", unitTooMany.Errors!["Number"].Single(), StringComparison.Ordinal);
        Assert.Contains("/t/demo/admin/billing", preview.FileError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, apiResponse.StatusCode);
        Assert.Contains("admin/billing", await apiResponse.TextAsync(), StringComparison.Ordinal);
        var after = await UsageAsync("demo");
        Assert.Equal(before[PlanLimit.StaffSeats] + 2, after[PlanLimit.StaffSeats]);
        Assert.Equal(before[PlanLimit.Engineers] + 1, after[PlanLimit.Engineers]);
        Assert.Equal(before[PlanLimit.SerialNumbers] + 1, after[PlanLimit.SerialNumbers]);
    }

    [Fact]
    public async Task ShowTheAdminUsageAgainstEachLimitOfThePlan()
    {
        var tenant = await factory.ProvisionAsync("usage-co");
        await using (var scope = await factory.TenantScopeAsync("usage-co"))
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(new("eng@usage-co.example", "Eng", [Roles.Engineer], "Usage@2026x"));
        }

        await using var view = await factory.TenantScopeAsync("usage-co");
        var current = await view.ServiceProvider.GetRequiredService<SubscriptionBook>().CurrentAsync();
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/usage-co", "admin@usage-co.example");
        var (page, html) = await browser.GetPageAsync("/t/usage-co/admin/billing");
        var (otherPage, _) = await factory.CreateBrowser().GetPageAsync("/t/usage-co/admin/billing");

        Assert.Equal(Plan.Trial, current.Plan!.Code);
        Assert.Equal(SubscriptionStatus.Trialing, current.Subscription!.Status);
        Assert.Equal(TenantAccess.Full, current.Access);
        var usage = current.Usage.ToDictionary(u => u.Limit);
        Assert.Equal((2L, 3), (usage[PlanLimit.StaffSeats].Used!.Value, usage[PlanLimit.StaffSeats].Max!.Value));
        Assert.Equal((1L, 2), (usage[PlanLimit.Engineers].Used!.Value, usage[PlanLimit.Engineers].Max!.Value));
        Assert.Equal((0L, 500), (usage[PlanLimit.SerialNumbers].Used!.Value, usage[PlanLimit.SerialNumbers].Max!.Value));
        Assert.Equal(0L, usage[PlanLimit.StorageMb].Used);
        Assert.Equal(0L, usage[PlanLimit.ApiCallsPerDay].Used);
        Assert.Equal(0L, usage[PlanLimit.ReminderEmailsPerMonth].Used);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"usage-StaffSeats\"", html, StringComparison.Ordinal);
        Assert.Contains("2 / 3", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, otherPage.StatusCode);
        Assert.Equal(tenant.Id, current.Subscription.TenantId);
    }

    [Fact]
    public async Task MakeAnUnpaidOrCanceledTenantReadOnlyButKeepItReadableAndExportable()
    {
        var tenant = await factory.TenantAsync("acme");
        await SetPlanAsync(tenant.Id, null, SubscriptionStatus.Unpaid);
        await using var scope = await factory.TenantScopeAsync("acme");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();

        await Assert.ThrowsAsync<TenantReadOnlyException>(() => registry.RegisterAsync(new SerialInput { Number = "RO-0001", ModelCode = "CX-7" }));
        var found = await registry.FindAsync("PX100-A001");
        var browser = factory.CreateBrowser();
        var login = await browser.LoginAsync("/t/acme", "admin@acme.example");
        var export = await browser.GetAsync("/t/acme/serials/export.xlsx");
        var (billing, html) = await browser.GetPageAsync("/t/acme/admin/billing");
        var api = factory.CreateCookielessClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.TokenAsync("acme-erp", "acme-erp-secret"));
        var write = await api.PostAsJsonAsync("/api/v1/serials", new { number = "RO-API-1", modelCode = "CX-7" });
        var read = await api.GetAsync("/api/v1/serials/PX100-A001");
        await SetPlanAsync(tenant.Id, null, SubscriptionStatus.Canceled);
        await Assert.ThrowsAsync<TenantReadOnlyException>(() => registry.RegisterAsync(new SerialInput { Number = "RO-0002", ModelCode = "CX-7" }));
        await SetPlanAsync(tenant.Id, null, SubscriptionStatus.Active);
        var paid = await registry.RegisterAsync(new SerialInput { Number = "RO-0003", ModelCode = "CX-7" });

        Assert.NotNull(found);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(HttpStatusCode.OK, billing.StatusCode);
        Assert.Contains("data-testid=\"billing-banner\"", html, StringComparison.Ordinal);
        Http.AssertProblem(write, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(SerialSaveStatus.Saved, paid.Status);
        Assert.Null(await registry.FindAsync("RO-0001"));
    }

    [Fact]
    public async Task KeepAPastDueTenantWorkingForTheGracePeriodOnly()
    {
        var tenant = await factory.ProvisionAsync("grace-co");
        await SetPlanAsync(tenant.Id, null, SubscriptionStatus.PastDue, pastDueSince: DateTimeOffset.UtcNow.AddDays(-2));
        await using var scope = await factory.TenantScopeAsync("grace-co");
        var book = scope.ServiceProvider.GetRequiredService<SubscriptionBook>();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var inGrace = await book.AccessAsync();
        var created = await users.CreateAsync(new("agent@grace-co.example", "Agent", [Roles.Agent], "Grace@2026x"));
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/grace-co", "admin@grace-co.example");
        var (_, html) = await browser.GetPageAsync("/t/grace-co/admin/billing");
        await SetPlanAsync(tenant.Id, null, SubscriptionStatus.PastDue, pastDueSince: DateTimeOffset.UtcNow.AddDays(-8));
        var afterGrace = await book.AccessAsync();

        Assert.Equal(TenantAccess.Grace, inGrace);
        Assert.True(created.Succeeded);
        Assert.Contains("data-testid=\"billing-banner\"", html, StringComparison.Ordinal);
        Assert.Equal(TenantAccess.ReadOnly, afterGrace);
        await Assert.ThrowsAsync<TenantReadOnlyException>(() => users.CreateAsync(new("agent2@grace-co.example", "Agent 2", [Roles.Agent], "Grace@2026x")));
    }

    [Fact]
    public async Task MakeAnEndedTrialReadOnlyUntilTheOperatorExtendsIt()
    {
        var tenant = await factory.ProvisionAsync("trial-end");
        await SetPlanAsync(tenant.Id, null, SubscriptionStatus.Trialing, trialEnds: DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var scope = await factory.TenantScopeAsync("trial-end");
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        await Assert.ThrowsAsync<TenantReadOnlyException>(() => users.CreateAsync(new("a@trial-end.example", "A", [Roles.Agent], "Trial@2026x")));
        await using (var platform = factory.Services.CreateAsyncScope())
        {
            Assert.True(await platform.ServiceProvider.GetRequiredService<SubscriptionBook>().ExtendTrialAsync(tenant.Id, 14));
        }

        var created = await users.CreateAsync(new("a@trial-end.example", "A", [Roles.Agent], "Trial@2026x"));
        Assert.True(created.Succeeded);
    }

    private async Task<Dictionary<PlanLimit, long?>> UsageAsync(string identifier)
    {
        await using var scope = await factory.TenantScopeAsync(identifier);
        var usage = (await scope.ServiceProvider.GetRequiredService<SubscriptionBook>().CurrentAsync()).Usage;
        return usage.ToDictionary(u => u.Limit, u => u.Used);
    }

    private async Task SetPlanAsync(string tenantId, Plan? plan, SubscriptionStatus status, DateTimeOffset? pastDueSince = null, DateTimeOffset? trialEnds = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IBillingDb>>().Create();
        if (plan is not null)
        {
            db.Plans.Add(plan);
        }

        var row = await db.TenantSubscriptions.FirstOrDefaultAsync(s => s.TenantId == tenantId);
        if (row is null)
        {
            row = new TenantSubscription { TenantId = tenantId };
            db.TenantSubscriptions.Add(row);
        }

        row.PlanCode = plan?.Code ?? row.PlanCode;
        row.Status = status;
        row.PastDueSince = pastDueSince;
        row.TrialEndsAt = trialEnds ?? row.TrialEndsAt;
        row.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync();
    }
}

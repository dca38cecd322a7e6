using System.Net;
using System.Text.Json;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The metered limits: API calls a day, stored bytes, reminder e-mails a month.</summary>
public sealed class UsageLimitsShould(LimitsAppFactory factory) : IClassFixture<LimitsAppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task AnswerTooManyRequestsPastTheDailyApiLimitUntilTheNextDayAndNeverForAComplimentaryTenant()
    {
        var demo = await factory.TenantAsync("demo");
        await SetPlanAsync(demo.Id, new Plan { Code = "api-3", NameZh = "三", NameEn = "Three", ApiCallsPerDay = 3 });
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("demo-erp", "demo-erp-secret");

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await client.GetWithTokenAsync("/api/v1/me", token)).StatusCode);
        }

        var refused = await client.GetWithTokenAsync("/api/v1/me", token);
        var problem = JsonDocument.Parse(await refused.TextAsync()).RootElement;
        var usage = await UsageAsync("demo");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Http.AssertProblem(refused, (HttpStatusCode)429);
        Assert.Contains("/t/demo/admin/billing", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/t/demo/admin/billing", problem.GetProperty("upgrade").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, problem.GetProperty("limit").GetInt32());
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(3L, usage[PlanLimit.ApiCallsPerDay]);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        var nextDayToken = await client.TokenAsync("demo-erp", "demo-erp-secret");
        Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/v1/me", nextDayToken)).StatusCode);
        Assert.Equal(1L, (await UsageAsync("demo"))[PlanLimit.ApiCallsPerDay]);

        // acme has no subscription row: complimentary, so nothing limits it.
        var acmeToken = await client.TokenAsync("acme-erp", "acme-erp-secret");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetWithTokenAsync("/api/v1/me", acmeToken)).StatusCode);
        }
    }

    [Fact]
    public async Task RefuseAnUploadThatWouldPassThePlansStorageWithALinkToTheBillingPage()
    {
        var demo = await factory.TenantAsync("demo");
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<SubscriptionBook>();
        const long megabyte = 1024 * 1024;
        var stored = await book.StoredBytesAsync();
        var limitMb = (int)(stored / megabyte) + 2;
        await SetPlanAsync(demo.Id, new Plan { Code = "storage-demo", NameZh = "存", NameEn = "Storage", StorageMb = limitMb });
        var room = limitMb * megabyte - stored;
        var attachments = scope.ServiceProvider.GetRequiredService<RequestAttachments>();
        var requestId = await NewRequestAsync(scope);

        var tooMuch = await attachments.AddAsync(requestId, [Upload("big.pdf", room - 100), Upload("more.pdf", 200)], Agent);
        var fits = await attachments.AddAsync(requestId, [Upload("fits.pdf", room - 100)], Agent);
        var full = await attachments.AddAsync(requestId, [Upload("one-more.pdf", 200)], Agent);

        Assert.Equal(AttachmentStatus.Invalid, tooMuch.Status);
        var problem = Assert.Single(tooMuch.Problems);
        Assert.Equal(RequestAttachments.PlanLimitKey, problem.ErrorKey);
        Assert.Contains("/t/demo/admin/billing", (string)problem.Args[0], StringComparison.Ordinal);
        Assert.Equal(AttachmentStatus.Added, fits.Status);
        Assert.Equal(AttachmentStatus.Invalid, full.Status);
        Assert.Equal(stored + room - 100, await book.StoredBytesAsync());
        var usage = (await book.CurrentAsync()).Usage.Single(u => u.Limit == PlanLimit.StorageMb);
        Assert.Equal((limitMb, limitMb), (usage.Used, usage.Max));
    }

    [Fact]
    public async Task SkipReminderEmailsPastTheMonthlyLimitAndSayWhyInTheRemindersLog()
    {
        var demo = await factory.TenantAsync("demo");
        await using var scope = await factory.TenantScopeAsync("demo");
        var today = TenantTime.TodayFor(demo, factory.Clock.GetUtcNow());
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        using (var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create())
        {
            var customer = await db.Customers.FirstAsync(c => c.Code == "C1001");
            customer.Email ??= "c1001@customer.example";
            await db.SaveChangesAsync();
        }

        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        foreach (var number in new[] { "MAIL-A-" + suffix, "MAIL-B-" + suffix })
        {
            Assert.Equal(SerialSaveStatus.Saved, (await registry.RegisterAsync(new SerialInput
            {
                Number = number, ModelCode = "KT-35", CustomerCode = "C1001", WarrantyStart = today.AddDays(-335), WarrantyEnd = today.AddDays(30),
            })).Status);
        }

        await SetPlanAsync(demo.Id, new Plan { Code = "mail-1", NameZh = "一", NameEn = "One", ReminderEmailsPerMonth = 1, ApiCallsPerDay = 1_000 });
        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var input = ReminderRules.NewInput();
        input.Name = "Warranty ends " + suffix;
        input.QuietFrom = input.QuietUntil = null;
        var ruleId = (await book.SaveAsync(null, input, null)).Id!.Value;

        var run = await book.RunNowAsync(ruleId);
        var skipped = (await book.FailedAsync()).Where(f => f.SkippedByPlan).ToList();
        var usage = await UsageAsync("demo");
        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var (page, _) = await admin.GetPageAsync("/t/demo/admin/reminders");

        Assert.Equal(1, run!.Value.Sent);
        // The rule also finds the demo data's units that end in 30 days; whichever were not sent were skipped for the plan.
        Assert.NotEmpty(skipped);
        Assert.All(skipped, f => Assert.Equal(DueReminderState.Cancelled, f.State));
        Assert.Equal(1L, usage[PlanLimit.ReminderEmailsPerMonth]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static AttachmentUpload Upload(string name, long length) =>
        new(name, null, length, () => new MemoryStream(new byte[length]));

    private static async Task<Guid> NewRequestAsync(AsyncServiceScope scope)
    {
        var types = await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = types[0].Id, ContactPhone = "13900000000", Subject = "存储" }, Agent)).Number!;
        return (await desk.GetAsync(number))!.Id;
    }

    private async Task<Dictionary<PlanLimit, long?>> UsageAsync(string identifier)
    {
        await using var scope = await factory.TenantScopeAsync(identifier);
        return (await scope.ServiceProvider.GetRequiredService<SubscriptionBook>().CurrentAsync()).Usage.ToDictionary(u => u.Limit, u => u.Used);
    }

    private async Task SetPlanAsync(string tenantId, Plan plan)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IBillingDb>>().Create();
        db.Plans.Add(plan);
        var row = await db.TenantSubscriptions.FirstOrDefaultAsync(s => s.TenantId == tenantId);
        if (row is null)
        {
            row = new TenantSubscription { TenantId = tenantId };
            db.TenantSubscriptions.Add(row);
        }

        row.PlanCode = plan.Code;
        row.Status = SubscriptionStatus.Active;
        row.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync();
    }
}

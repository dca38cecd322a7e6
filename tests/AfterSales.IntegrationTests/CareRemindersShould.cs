using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Products;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.WorkReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Maintenance plans and consumables: a due consumable reminds its customer and the staff once however often the scan runs, a
/// replacement on a work report moves it, a plan opens one planned request per visit, and both stay within their tenant.
/// </summary>
public sealed class CareRemindersShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task RemindOnceOfADueConsumableAndMoveItWhenAWorkReportReplacesIt()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var today = TenantTime.TodayFor(await factory.TenantAsync("demo"), DateTimeOffset.UtcNow);
        var (model, code) = await ModelAsync(scope.ServiceProvider, 180);
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var customer = await db.Customers.FirstAsync(c => c.Code == "C1001");
        customer.Email ??= "c1001@customer.example";
        await db.SaveChangesAsync();
        // Due in 14 days (reminded today), and due in 20 days (reminded in 6) but replaced before that.
        var dueSoon = await UnitAsync(scope.ServiceProvider, model, today.AddDays(14 - 180));
        var replaced = await UnitAsync(scope.ServiceProvider, model, today.AddDays(20 - 180));

        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var input = ReminderKinds.NewInput(ReminderKind.ConsumableReplacement);
        input.Name = "Filters of " + model.Code;
        input.ProductModelIds = [model.Id];
        input.QuietFrom = input.QuietUntil = null;
        var saved = await book.SaveAsync(null, input, null);
        Assert.Equal(ReminderSaveStatus.Saved, saved.Status);
        var ruleId = saved.Id!.Value;

        var scan = factory.Services.GetRequiredService<ReminderScan>();
        await Task.WhenAll(scan.RunAsync(), scan.RunAsync());
        await scan.RunAsync();

        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == "reminder.consumable" && m.Link == $"warranty?sn={dueSoon}").ToListAsync();
        var mail = Assert.Single(messages, m => m.Channel == DeliveryChannel.Email && m.Recipient == customer.Email);
        Assert.Contains("Filter", mail.Subject);
        Assert.Contains(today.AddDays(14).ToString("yyyy-MM-dd"), mail.Subject);
        var dispatchers = await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().InRoleAsync(Roles.Dispatcher);
        Assert.NotEmpty(dispatchers);
        Assert.Equal(dispatchers.Select(d => d.UserId).Order(), messages.Where(m => m.Channel == DeliveryChannel.InApp).Select(m => m.Recipient).Order());
        var dueSoonId = (await db.SerialNumbers.AsNoTracking().FirstAsync(s => s.Number == dueSoon)).Id;
        var sent = Assert.Single(await db.DueReminders.AsNoTracking().Where(r => r.RuleId == ruleId && r.SerialNumberId == dueSoonId).ToListAsync());
        Assert.Equal((DueReminderState.Sent, 14, today), (sent.State, sent.OffsetDays, sent.DueDate));

        // The other unit's reminder waits; a submitted work report listing the filter's part code today moves its next due half a year on.
        var replacedId = (await db.SerialNumbers.AsNoTracking().FirstAsync(s => s.Number == replaced)).Id;
        var pending = Assert.Single(await db.DueReminders.AsNoTracking().Where(r => r.RuleId == ruleId && r.SerialNumberId == replacedId).ToListAsync());
        Assert.Equal((DueReminderState.Pending, today.AddDays(6)), (pending.State, pending.DueDate));
        await ReplaceAsync(scope.ServiceProvider, replaced, code.ToLowerInvariant(), today);
        Assert.Equal(0, (await book.RunNowAsync(ruleId))!.Value.Planned);
        var moved = await db.DueReminders.AsNoTracking().FirstAsync(r => r.Id == pending.Id);
        Assert.Equal((DueReminderState.Cancelled, CarePlanner.NoteCareChanged), (moved.State, moved.Note));
        Assert.DoesNotContain(await book.UpcomingAsync(ruleId) ?? [], u => u.Subject == replaced);
        Assert.Contains(await book.UpcomingAsync(ruleId) ?? [], u => u.Subject == dueSoon && u.WarrantyEnd == today.AddDays(14) && u.State == DueReminderState.Sent);
    }

    [Fact]
    public async Task RemindOfAFilterDueFromItsLastReplacementOnAUnitLongInService()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var today = TenantTime.TodayFor(await factory.TenantAsync("demo"), DateTimeOffset.UtcNow);
        var (model, code) = await ModelAsync(scope.ServiceProvider, 180);
        // In service three years ago, so its first filter was due long ago; replaced 170 days ago, the next one is due in 10 days.
        // The planner reads units by their in-service date, and this one is read for its replacement on record.
        var unit = await UnitAsync(scope.ServiceProvider, model, today.AddYears(-3));
        await ReplaceAsync(scope.ServiceProvider, unit, code, today.AddDays(-170));

        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var input = ReminderKinds.NewInput(ReminderKind.ConsumableReplacement);
        input.Name = "Replaced filters of " + model.Code;
        input.ProductModelIds = [model.Id];
        var saved = await book.SaveAsync(null, input, null);
        Assert.Equal(ReminderSaveStatus.Saved, saved.Status);

        await factory.Services.GetRequiredService<ReminderScan>().RunAsync();

        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var unitId = (await db.SerialNumbers.AsNoTracking().FirstAsync(s => s.Number == unit)).Id;
        var reminder = Assert.Single(await db.DueReminders.AsNoTracking().Where(r => r.RuleId == saved.Id && r.SerialNumberId == unitId).ToListAsync());
        Assert.Equal((14, today.AddDays(-4)), (reminder.OffsetDays, reminder.DueDate));
    }

    [Fact]
    public async Task OpenOnePlannedRequestPerVisitAndCountItDoneWhenClosed()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var today = TenantTime.TodayFor(await factory.TenantAsync("demo"), DateTimeOffset.UtcNow);
        var (model, _) = await ModelAsync(scope.ServiceProvider, 365);
        // Installed three months ago: the quarterly visit is today (or, after a month end, a day or so ago).
        var start = today.AddMonths(-3);
        var visit = start.AddMonths(3);
        var number = await UnitAsync(scope.ServiceProvider, model, start);
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;

        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var input = ReminderKinds.NewInput(ReminderKind.MaintenancePlan);
        input.Name = "Quarterly " + model.Code;
        input.OffsetDays = "0";
        input.IntervalMonths = 3;
        input.Action = MaintenanceAction.CreateRequest;
        input.ToCustomer = false;
        input.Email = false;
        input.QuietFrom = input.QuietUntil = null;
        Assert.Equal("Reminders.Validation.Models", (await book.SaveAsync(null, input, null)).Errors![nameof(input.ProductModelIds)]);
        input.ProductModelIds = [model.Id];
        Assert.Equal("Reminders.Validation.ServiceType", (await book.SaveAsync(null, input, null)).Errors![nameof(input.ServiceTypeId)]);
        input.ServiceTypeId = type.Id;
        var saved = await book.SaveAsync(null, input, null);
        Assert.Equal(ReminderSaveStatus.Saved, saved.Status);

        var scan = factory.Services.GetRequiredService<ReminderScan>();
        await Task.WhenAll(scan.RunAsync(), scan.RunAsync());
        await scan.RunAsync();

        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var unitId = (await db.SerialNumbers.AsNoTracking().FirstAsync(s => s.Number == number)).Id;
        var request = Assert.Single(await db.ServiceRequests.AsNoTracking().Where(r => r.SerialNumberId == unitId).ToListAsync());
        Assert.Equal((RequestChannels.Plan, visit, type.Id), (request.Channel, request.RequestedDate, request.ServiceTypeId));
        Assert.Contains(model.Name, request.Subject);
        var reminder = Assert.Single(await db.DueReminders.AsNoTracking().Where(r => r.RuleId == saved.Id && r.SerialNumberId == unitId).ToListAsync());
        Assert.Equal((DueReminderState.Sent, request.Id), (reminder.State, reminder.CreatedRequestId));

        var plans = scope.ServiceProvider.GetRequiredService<MaintenancePlans>();
        var open = Assert.Single((await plans.DoneVersusDueAsync(visit.AddDays(-1), visit.AddDays(1))).Visits, v => v.UnitId == unitId);
        Assert.Equal((visit, request.Id, false), (open.Day, open.RequestId, open.Done));
        await db.ServiceRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, RequestStatuses.Closed)
            .SetProperty(r => r.StatusCategory, AfterSales.Workflows.Definitions.StatusCategory.Done));
        var tally = await plans.DoneVersusDueAsync(visit.AddDays(-1), visit.AddDays(1));
        Assert.True(Assert.Single(tally.Visits, v => v.UnitId == unitId).Done);
        Assert.Equal(tally.Visits.Count(v => v.Done), tally.Done);
        Assert.DoesNotContain((await plans.DoneVersusDueAsync(visit.AddDays(1), visit.AddDays(40))).Visits, v => v.UnitId == unitId);

        // Another tenant sees neither the rule nor the visit.
        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeBook = acme.ServiceProvider.GetRequiredService<ReminderBook>();
        Assert.Null(await acmeBook.GetAsync(saved.Id!.Value));
        Assert.Null(await acmeBook.UpcomingAsync(saved.Id!.Value));
        Assert.Null(await acmeBook.RunNowAsync(saved.Id!.Value));
        Assert.DoesNotContain((await acme.ServiceProvider.GetRequiredService<MaintenancePlans>().DoneVersusDueAsync(visit.AddDays(-1), visit.AddDays(1))).Visits,
            v => v.RuleId == saved.Id);
        var stolen = ReminderKinds.NewInput(ReminderKind.MaintenancePlan);
        stolen.Name = "Demo's models";
        stolen.ProductModelIds = [model.Id];
        Assert.Equal("Reminders.Validation.Models", (await acmeBook.SaveAsync(null, stolen, null)).Errors![nameof(stolen.ProductModelIds)]);
    }

    [Fact]
    public async Task LetOnlyTheTenantAdminOpenTheRulesPage()
    {
        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync("/t/demo/admin/reminders")).Response.StatusCode);
        foreach (var user in new[] { "engineer@demo.example", "dispatcher@demo.example" })
        {
            var browser = factory.CreateBrowser();
            await browser.LoginAsync("/t/demo", user);
            Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/t/demo/admin/reminders")).StatusCode);
        }
    }

    // A model of its own per test, so the demo's units and other tests' rules stay out of the count.
    private static async Task<(ProductModel Model, string PartCode)> ModelAsync(IServiceProvider services, int lifetimeDays)
    {
        var code = "CARE-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var catalog = services.GetRequiredService<ProductCatalog>();
        var result = await catalog.CreateAsync(new ModelInput
        {
            Code = code, Name = "Purifier " + code, Consumables = [new ModelInput.ConsumableInput { Name = "Filter", LifetimeDays = lifetimeDays, PartCode = "F-" + code }],
        });
        Assert.Equal(CatalogSaveStatus.Saved, result.Status);
        var model = (await catalog.ListAsync()).Single(m => m.Code == code);
        return (model, "F-" + code);
    }

    private static async Task<string> UnitAsync(IServiceProvider services, ProductModel model, DateOnly start)
    {
        var number = "CARE-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var result = await services.GetRequiredService<SerialRegistry>().RegisterAsync(new SerialInput
        {
            Number = number, ModelCode = model.Code, CustomerCode = "C1001", PurchaseDate = start, WarrantyStart = start, WarrantyEnd = start.AddYears(2),
        });
        Assert.Equal(SerialSaveStatus.Saved, result.Status);
        return number;
    }

    // A request for the unit and a submitted work report on it listing the part, as the engineer's report would be.
    private static async Task ReplaceAsync(IServiceProvider services, string serialNumber, string partCode, DateOnly visitedOn)
    {
        var type = (await services.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
        var created = await services.GetRequiredService<RequestDesk>().CreateAsync(
            new RequestInput { ServiceTypeId = type.Id, SerialNumber = serialNumber, Subject = "Filter change" }, Agent);
        Assert.Equal(RequestSaveStatus.Saved, created.Status);
        using var db = services.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var report = new WorkReport
        {
            ServiceRequestId = created.Created!.Id, RequestNumber = created.Number!, Visit = 1, EngineerId = "engineer", EngineerName = "Engineer", VisitedOn = visitedOn,
            Measures = "Filter replaced", VerificationCode = Guid.NewGuid().ToString("N"), State = WorkReportState.Submitted, CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
        };
        db.WorkReports.Add(report);
        db.WorkReportParts.Add(new WorkReportPart { WorkReportId = report.Id, Line = 1, Code = partCode, Name = "Filter", Quantity = 1 });
        await db.SaveChangesAsync();
    }
}

using System.Globalization;
using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Products;
using AfterSales.Modules.Reports;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Reports over a small data set with known answers: four requests of March 2021 in the demo tenant (long before the demo seed's
/// requests), one of the same month in acme that must never be counted, and the work reports and return visits that go with them.
/// </summary>
public sealed class ReportsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateOnly March1 = new(2021, 3, 1);
    private static readonly ReportFilter March = new(March1, new DateOnly(2021, 3, 31), Bucket: ReportBucket.Week);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    [Fact]
    public async Task CountVolumeCategoriesModelsBatchesAndWarrantyInTheDatabase()
    {
        await using var scope = await SeededAsync();
        var analysis = scope.ServiceProvider.GetRequiredService<ServiceAnalysis>();

        var result = await analysis.RunAsync(March, English);

        Assert.Equal(4, result.Total);
        Assert.Equal([("On-site service", 3), ("Complaint / suggestion", 1)], result.Types.Select(t => (t.Name, t.Count)));
        Assert.Equal(["2021-03-01", "2021-03-08", "2021-03-15", "2021-03-22", "2021-03-29"], result.Periods.Select(p => p.Label));
        Assert.Equal([2, 1, 1, 0, 0], result.Periods.Select(p => p.Total));
        var onSite = result.Types.First(t => t.Name == "On-site service").Id;
        Assert.Equal([2, 0, 1, 0, 0], result.Periods.Select(p => p.Of(onSite)));
        Assert.Equal([(2, 50.0), (2, 50.0)], result.Categories.Select(c => (c.Count, c.Share!.Value)));
        Assert.Contains(result.Categories, c => c.Name == "" && c.Count == 2);
        Assert.Equal([("RPT-A", 2), ("RPT-B", 1)], result.Models.Select(m => (m.Key, m.Count)));
        var batch = Assert.Single(result.Batches);
        Assert.Equal(("RPT-A", "B1", 2, 4, 50.0), (batch.ModelCode, batch.Batch, batch.Requests, batch.Units, batch.Rate!.Value));
        Assert.Equal([("", 2), ("Expired", 1), ("InWarranty", 1)], result.Warranty.Select(w => (w.Key, w.Count)).OrderBy(w => w.Key));

        var byModel = await analysis.RunAsync(March with { ModelCode = "RPT-A", Bucket = ReportBucket.Month }, English);
        Assert.Equal(2, byModel.Total);
        Assert.Equal([("2021-03", 2)], byModel.Periods.Select(p => (p.Label, p.Total)));
        var byEngineer = await analysis.RunAsync(March with { EngineerId = await EngineerIdAsync(scope) }, English);
        Assert.Equal(2, byEngineer.Total);
        var region = await RegionAsync(scope);
        Assert.Equal(1, (await analysis.RunAsync(March with { Region = region }, English)).Total);
    }

    [Fact]
    public async Task MeasureResponseResolutionFirstTimeFixSlaReopenedAndLocked()
    {
        await using var scope = await SeededAsync();

        var result = await scope.ServiceProvider.GetRequiredService<ResolutionReport>().RunAsync(March, English);

        // The cancelled request is not measured.
        Assert.Equal((3, 2), (result.Requests, result.Closed));
        Assert.Equal(new Duration(2, 2.5, 2.5), result.FirstResponse);
        Assert.Equal(new Duration(2, 3, 3), result.Assignment);
        Assert.Equal(new Duration(2, 20, 20), result.Resolution);
        Assert.Equal((2, 1, 50.0), (result.FirstVisits, result.FixedFirstTime, result.FirstTimeFixRate));
        Assert.Equal((1, 2), (result.SlaKept, result.SlaBreached));
        Assert.Equal((1, 2, 50.0), (result.Reopened, result.SolvedOnce, result.ReopenRate));
        Assert.Equal((1, 1), (result.LockedNow, result.EverLocked));
        Assert.Equal([("On-site service", 2, 1, 1, 0), ("Complaint / suggestion", 1, 0, 1, 1)],
            result.ByType.Select(t => (t.Type, t.Requests, t.SlaKept, t.SlaBreached, t.Locked)));
    }

    [Fact]
    public async Task RankEngineersByTheWorkOfThePeriod()
    {
        await using var scope = await SeededAsync();
        var engineer = await EngineerIdAsync(scope);

        var rows = await scope.ServiceProvider.GetRequiredService<EngineerRanking>().RunAsync(March);

        var row = Assert.Single(rows);
        Assert.Equal((engineer, 2, 3, 4.5, 3.0), (row.EngineerId, row.Requests, row.Visits, row.LaborHours, row.PartsUsed));
        Assert.Equal((2, 1, 50.0), (row.FirstVisits, row.FixedFirstTime, row.FirstTimeFixRate));
        Assert.Equal((2, 4.0), (row.Rated, row.Csat));
        Assert.Equal((2, 1, 50.0), (row.SlaSettled, row.SlaKept, row.SlaKeptRate));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<EngineerRanking>().RunAsync(March with { EngineerId = "nobody" }));
    }

    [Fact]
    public async Task SumChargesVerifiedAndPending()
    {
        await using var scope = await SeededAsync();

        var result = await scope.ServiceProvider.GetRequiredService<ChargesReport>().RunAsync(March with { Bucket = ReportBucket.Day });

        Assert.Equal(new ChargesLine(2, 150m, 20m, 0m, 30m), result.Verified);
        Assert.Equal(new ChargesLine(1, 50m, 0m, 0m, 0m), result.Pending);
        Assert.Equal(31, result.Periods.Count);
        Assert.Equal([(1, 150m, 0m), (2, 0m, 50m), (3, 50m, 0m)],
            result.Periods.Where(p => p.Verified.Reports + p.Pending.Reports > 0).Select(p => (p.Start.Day, p.Verified.Total, p.Pending.Total)));
    }

    [Fact]
    public async Task NarrowTheWorkOfThePeriodToTheRequestsTheConditionsSelect()
    {
        await using var scope = await SeededAsync();
        var charges = scope.ServiceProvider.GetRequiredService<ChargesReport>();
        var ranking = scope.ServiceProvider.GetRequiredService<EngineerRanking>();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
        var types = await db.ServiceTypes.ToDictionaryAsync(t => t.Code, t => t.Id);

        // All the month's work is on-site and on RPT-A units: the complaint type, model RPT-B and another region select none of it.
        var onSite = await charges.RunAsync(March with { TypeId = types["ONSITE"] });
        Assert.Equal((2, 1), (onSite.Verified.Reports, onSite.Pending.Reports));
        Assert.Equal(new ChargesLine(0, 0m, 0m, 0m, 0m), (await charges.RunAsync(March with { TypeId = types["COMPLAINT"] })).Verified);
        Assert.Equal(0, (await charges.RunAsync(March with { ModelCode = "RPT-B" })).Pending.Reports);
        var region = await RegionAsync(scope);
        var inRegion = await charges.RunAsync(March with { Region = region });
        Assert.Equal((1, 0), (inRegion.Verified.Reports, inRegion.Pending.Reports));

        Assert.Equal((2, 3), (await ranking.RunAsync(March with { ModelCode = "RPT-A" })).Select(r => (r.Requests, r.Visits)).Single());
        // The complaint was nobody's: no work, no rating, no SLA settled by an engineer.
        Assert.Empty(await ranking.RunAsync(March with { TypeId = types["COMPLAINT"] }));
    }

    [Fact]
    public async Task CountARequestTakenOutOfClosedAsReopenedAndALockLiftedAsEverLocked()
    {
        await using var scope = await SeededAsync();
        var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
        DateTimeOffset At(int day, double hour) => tenant.MidnightUtc(new DateOnly(2021, 4, day)).AddHours(hour);
        using (var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create())
        {
            var type = await db.ServiceTypes.Where(t => t.Code == "CONSULT").Select(t => t.Id).SingleAsync();
            ServiceRequest Request(string number, DateTimeOffset created) => new()
            {
                Number = number, ServiceTypeId = type, CreatedAt = created, UpdatedAt = created, Status = RequestStatuses.Assigned,
                StatusCategory = StatusCategory.InProgress, Subject = "Reopen test " + number, WorkflowKey = "CONSULT", WorkflowVersion = 1,
            };
            // Closed, taken out of Closed by a manager, not closed again; and one locked once and unlocked since.
            var reopened = Request("SR-20210405-9001", At(5, 9));
            var unlocked = Request("SR-20210406-9001", At(6, 9));
            db.ServiceRequests.AddRange(reopened, unlocked);
            db.RequestEvents.AddRange(
                new RequestEvent { ServiceRequestId = reopened.Id, At = At(5, 12), Kind = RequestEventKind.StatusChanged, FromStatus = RequestStatuses.Assigned, ToStatus = RequestStatuses.Closed, ByUserId = "someone" },
                new RequestEvent { ServiceRequestId = reopened.Id, At = At(6, 12), Kind = RequestEventKind.StatusChanged, FromStatus = RequestStatuses.Closed, ToStatus = RequestStatuses.Assigned, ByUserId = "someone" },
                new RequestEvent { ServiceRequestId = unlocked.Id, At = At(6, 10), Kind = RequestEventKind.Locked },
                new RequestEvent { ServiceRequestId = unlocked.Id, At = At(6, 11), Kind = RequestEventKind.StatusChanged, FromStatus = RequestStatuses.Locked, ToStatus = RequestStatuses.Assigned, ByUserId = "someone" });
            await db.SaveChangesAsync();
        }

        var april = await scope.ServiceProvider.GetRequiredService<ResolutionReport>().RunAsync(new ReportFilter(new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 30)), English);

        Assert.Equal((2, 0), (april.Requests, april.Closed));
        Assert.Equal((1, 1), (april.Reopened, april.SolvedOnce));
        Assert.Equal((0, 1), (april.LockedNow, april.EverLocked));
        // First response: the status changes by a person, 3 and 2 hours after the requests came in.
        Assert.Equal(new Duration(2, 2.5, 2.5), april.FirstResponse);
    }

    [Fact]
    public async Task NotifyTheManagersOncePerPeriodWhenAThresholdIsCrossed()
    {
        await using var scope = await SeededAsync();
        var alerts = scope.ServiceProvider.GetRequiredService<KpiAlerts>();
        var locked = (await alerts.ListAsync()).Single(s => s.Rule.Kind == KpiKind.LockedAbove);
        Assert.Equal(KpiSaveStatus.Invalid, await alerts.SaveAsync(KpiKind.LockedAbove, 0.5, true, locked.Rule.ConcurrencyStamp));
        Assert.Equal(KpiSaveStatus.Saved, await alerts.SaveAsync(KpiKind.LockedAbove, 0, true, locked.Rule.ConcurrencyStamp));
        Assert.Equal(KpiSaveStatus.Conflict, await alerts.SaveAsync(KpiKind.LockedAbove, 1, true, locked.Rule.ConcurrencyStamp));

        var scan = factory.Services.GetRequiredService<KpiAlertScan>();
        var first = await scan.RunAsync();
        await scan.RunAsync();

        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
        var managers = await (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.Manager select u.Id).ToListAsync();
        var sent = await db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == KpiAlertScan.TemplateKey).ToListAsync();
        Assert.NotEmpty(managers);
        Assert.Equal(managers.Order(), sent.Select(m => m.Recipient).Order());
        Assert.Equal(managers.Count, first);
        Assert.All(sent, m => Assert.Equal((DeliveryChannel.InApp, "reports/alerts"), (m.Channel, m.Link)));
        Assert.Contains("锁定", sent[0].Subject);

        await using var acme = await factory.TenantScopeAsync("acme");
        using var acmeDb = acme.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
        Assert.Empty(await acmeDb.KpiAlertRules.ToListAsync());
        Assert.Empty(await acmeDb.OutboxMessages.Where(m => m.TemplateKey == KpiAlertScan.TemplateKey).ToListAsync());
    }

    [Fact]
    public async Task CountTheDashboardAsTheListItOpens()
    {
        await using var scope = await SeededAsync();
        var figures = await scope.ServiceProvider.GetRequiredService<DashboardFigures>().ManagerAsync(English);
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();

        Assert.Equal((await desk.SearchAsync(new RequestQuery(RequestView.Locked, Take: 1))).Total, figures.Locked);
        Assert.Equal((await desk.SearchAsync(new RequestQuery(RequestView.AtRisk, Take: 1))).Total, figures.AtRisk);
        foreach (var type in figures.Backlog)
        {
            Assert.Equal((await desk.SearchAsync(new RequestQuery(RequestView.Open, ServiceTypeId: type.TypeId, Take: 1))).Total, type.Open);
        }

        var engineer = await EngineerIdAsync(scope);
        var mine = await scope.ServiceProvider.GetRequiredService<DashboardFigures>().DeskAsync(engineer);
        Assert.Equal((await desk.SearchAsync(new RequestQuery(RequestView.Mine, UserId: engineer, Take: 1))).Total, mine.MyOpen);
        Assert.Equal((await desk.SearchAsync(new RequestQuery(RequestView.Overdue, Take: 1))).Total, mine.Overdue);
        Assert.Equal((await desk.SearchAsync(new RequestQuery(RequestView.DueToday, Take: 1))).Total, mine.DueToday);
        Assert.Equal(DashboardFigures.CsatWeeks, figures.Csat.Count);
    }

    [Theory]
    [InlineData("manager@demo.example", HttpStatusCode.OK)]
    [InlineData("agent@demo.example", HttpStatusCode.Forbidden)]
    [InlineData("engineer@demo.example", HttpStatusCode.Forbidden)]
    public async Task LetOnlyManagementExportReports(string email, HttpStatusCode expected)
    {
        await SeededAsync();
        var client = factory.CreateBrowser();
        await client.LoginAsync("/t/demo", email);

        foreach (var report in new[] { "service-analysis", "resolution", "engineers", "charges" })
        {
            var export = await client.GetAsync($"/t/demo/reports/{report}.xlsx?from=2021-03-01&to=2021-03-31");
            Assert.Equal(expected, Status(export));
            if (expected == HttpStatusCode.OK)
            {
                Assert.Equal(ExcelExport.ContentType, export.Content.Headers.ContentType?.MediaType);
                Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/t/demo/reports/{report}.xlsx?from=2021-03-01&to=2024-03-31")).StatusCode);
            }
        }

        var (page, html) = await client.GetPageAsync("/t/demo/reports/service?from=2021-03-01&to=2021-03-31");
        Assert.Equal(expected, Status(page));
        Assert.Equal(expected == HttpStatusCode.OK, html.Contains("volume-chart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefuseAnotherTenantsReportsToItsUsers()
    {
        await SeededAsync();
        var demoManager = factory.CreateBrowser();
        await demoManager.LoginAsync("/t/demo", "manager@demo.example");

        Assert.Equal(HttpStatusCode.Forbidden, Status(await demoManager.GetAsync("/t/acme/reports/service-analysis.xlsx?from=2021-03-01&to=2021-03-31")));
        Assert.Equal(HttpStatusCode.Forbidden, Status(await demoManager.GetAsync("/t/acme/reports/service?from=2021-03-01&to=2021-03-31")));

        await using var acme = await factory.TenantScopeAsync("acme");
        var result = await acme.ServiceProvider.GetRequiredService<ServiceAnalysis>().RunAsync(March, English);
        // Its one request of the month, named by its own catalogue (which has no RPT-A): none of demo's.
        Assert.Equal(1, result.Total);
        Assert.Equal([("RPT-A", "RPT-A", 1)], result.Models.Select(m => (m.Key, m.Name, m.Count)));
        Assert.Empty(result.Batches);
    }

    // Cookie authentication answers a refused page with a redirect to its access-denied page (or the login of the tenant).
    private static HttpStatusCode Status(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString() is { } to
        && (to.Contains("access-denied", StringComparison.OrdinalIgnoreCase) || to.Contains("login", StringComparison.OrdinalIgnoreCase))
            ? HttpStatusCode.Forbidden
            : response.StatusCode;

    private async Task<AsyncServiceScope> SeededAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await SeedAsync();
                _seeded = true;
            }
        }
        finally
        {
            Seeded.Release();
        }

        return await factory.TenantScopeAsync("demo");
    }

    private static async Task<string> EngineerIdAsync(AsyncServiceScope scope)
    {
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
        return await db.Users.Where(u => u.Email == "engineer@demo.example").Select(u => u.Id).SingleAsync();
    }

    private static async Task<string> RegionAsync(AsyncServiceScope scope)
    {
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
        return (await db.Customers.Where(c => c.Code == "C1001").Select(c => c.Region).SingleAsync())!;
    }

    private async Task SeedAsync()
    {
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
            DateTimeOffset At(int day, double hour) => tenant.MidnightUtc(new DateOnly(2021, 3, day)).AddHours(hour);
            await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync();
            using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
            var types = await db.ServiceTypes.ToDictionaryAsync(t => t.Code, t => t.Id);
            var engineer = await EngineerIdAsync(scope);
            var customer = await db.Customers.SingleAsync(c => c.Code == "C1001");
            var category = new DictionaryEntry { Kind = DictionaryKind.FaultCategory, NameZh = "报表测试故障", NameEn = "Report test fault" };
            var modelA = new ProductModel { Code = "RPT-A", Name = "Report model A" };
            var modelB = new ProductModel { Code = "RPT-B", Name = "Report model B" };
            var units = Enumerable.Range(1, 4).Select(i => new SerialNumber { Number = $"RPT-A-{i:D4}", ProductModelId = modelA.Id, Batch = "B1" }).ToList();
            // Another batch of the model with no request: it has no defect rate to show.
            units.Add(new SerialNumber { Number = "RPT-A-9001", ProductModelId = modelA.Id, Batch = "B2" });
            db.DictionaryEntries.Add(category);
            db.ProductModels.AddRange(modelA, modelB);
            db.SerialNumbers.AddRange(units);

            ServiceRequest Request(string number, string type, DateTimeOffset created, string status, StatusCategory statusCategory) => new()
            {
                Number = number, ServiceTypeId = types[type], CreatedAt = created, UpdatedAt = created, Status = status, StatusCategory = statusCategory,
                Subject = "Report test " + number, WorkflowKey = type, WorkflowVersion = 1,
            };

            var r1 = Request("SR-20210301-9001", "ONSITE", At(1, 10), RequestStatuses.Closed, StatusCategory.Done);
            r1.ModelCode = "RPT-A"; r1.SerialNumberId = units[0].Id; r1.WarrantyState = nameof(WarrantyState.InWarranty); r1.CategoryId = category.Id;
            r1.AssigneeId = engineer; r1.AssigneeName = "Engineer"; r1.CustomerId = customer.Id; r1.ClosedAt = At(1, 20); r1.DueAt = At(1, 10 + 72);
            var r2 = Request("SR-20210301-9002", "ONSITE", At(1, 14), RequestStatuses.Closed, StatusCategory.Done);
            r2.ModelCode = "RPT-A"; r2.SerialNumberId = units[1].Id; r2.WarrantyState = nameof(WarrantyState.Expired); r2.CategoryId = category.Id;
            r2.AssigneeId = engineer; r2.AssigneeName = "Engineer"; r2.ClosedAt = At(1, 14 + 30); r2.DueAt = At(1, 14 + 24);
            var r3 = Request("SR-20210308-9001", "COMPLAINT", At(8, 9), RequestStatuses.Locked, StatusCategory.InProgress);
            r3.IsLocked = true; r3.DueAt = At(10, 9);
            var r4 = Request("SR-20210315-9001", "ONSITE", At(15, 11), RequestStatuses.Cancelled, StatusCategory.Done);
            r4.ModelCode = "RPT-B"; r4.ClosedAt = At(15, 12); r4.DueAt = At(18, 11);
            db.ServiceRequests.AddRange(r1, r2, r3, r4);

            RequestEvent Event(ServiceRequest r, DateTimeOffset at, RequestEventKind kind, string? by = "someone") =>
                new() { ServiceRequestId = r.Id, At = at, Kind = kind, ByUserId = by };
            db.RequestEvents.AddRange(
                Event(r1, At(1, 10), RequestEventKind.Created), Event(r1, At(1, 11), RequestEventKind.Comment), Event(r1, At(1, 12), RequestEventKind.Assigned),
                Event(r2, At(1, 14), RequestEventKind.Created), Event(r2, At(1, 14.5), RequestEventKind.TimerFired, null), Event(r2, At(1, 18), RequestEventKind.Assigned),
                Event(r3, At(8, 9), RequestEventKind.Created), Event(r3, At(10, 9), RequestEventKind.Locked, null));

            WorkReport Report(ServiceRequest r, int visit, int day, WorkResult result, WorkReportState state, decimal hours, decimal labor, decimal travel) => new()
            {
                ServiceRequestId = r.Id, RequestNumber = r.Number, Visit = visit, EngineerId = engineer, EngineerName = "Engineer", VisitedOn = new DateOnly(2021, 3, day),
                Result = result, State = state, LaborHours = hours, LaborFee = labor, TravelFee = travel, CreatedAt = At(day, 12), SubmittedAt = At(day, 13),
                VerificationCode = Guid.NewGuid().ToString("N"),
            };
            var w1 = Report(r1, 1, 1, WorkResult.Solved, WorkReportState.Verified, 2m, 100m, 20m);
            w1.Parts.Add(new WorkReportPart { Line = 1, Code = "P1", Name = "Filter", Quantity = 2m, UnitPrice = 15m, Charged = true });
            var w2 = Report(r2, 1, 2, WorkResult.NotSolved, WorkReportState.Submitted, 1.5m, 50m, 0m);
            var w3 = Report(r2, 2, 3, WorkResult.Solved, WorkReportState.Verified, 1m, 50m, 0m);
            w3.Parts.Add(new WorkReportPart { Line = 1, Code = "P2", Name = "Board", Quantity = 1m, UnitPrice = 100m, Charged = false });
            // A draft is not yet work done: it counts nowhere.
            var draft = Report(r1, 2, 4, WorkResult.Solved, WorkReportState.Draft, 9m, 999m, 0m);
            db.WorkReports.AddRange(w1, w2, w3, draft);

            db.ReturnVisits.AddRange(
                new ReturnVisit { ServiceRequestId = r1.Id, CreatedAt = At(1, 21), DueAt = At(2, 21), Status = ReturnVisitStatus.Done, Satisfaction = 5, Satisfied = true, RecordedAt = At(2, 10) },
                new ReturnVisit { ServiceRequestId = r2.Id, CreatedAt = At(2, 9), DueAt = At(3, 9), Status = ReturnVisitStatus.Done, Satisfaction = 3, Satisfied = false, RecordedAt = At(2, 15) },
                new ReturnVisit { ServiceRequestId = r2.Id, Attempt = 2, CreatedAt = At(3, 9), DueAt = At(4, 9), Status = ReturnVisitStatus.Cancelled });
            await db.SaveChangesAsync();
        }

        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var tenant = acme.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
            await acme.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync();
            using var db = acme.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
            var type = await db.ServiceTypes.Where(t => t.Code == "ONSITE").Select(t => t.Id).SingleAsync();
            var at = tenant.MidnightUtc(March1).AddHours(9);
            db.ServiceRequests.Add(new ServiceRequest
            {
                Number = "SR-20210301-9001", ServiceTypeId = type, CreatedAt = at, UpdatedAt = at, Subject = "Acme's own", ModelCode = "RPT-A", WorkflowKey = "ONSITE",
                Status = RequestStatuses.Locked, StatusCategory = StatusCategory.InProgress, IsLocked = true,
            });
            await db.SaveChangesAsync();
        }
    }
}

using System.Globalization;
using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Products;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Reports;
using AfterSales.Modules.Rma;
using AfterSales.Modules.Scheduling;
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
/// The return-to-factory, complaints and care reports and the engineer's and administrator's dashboards, over a small data set
/// with known answers: requests, timelines, re-judgements, return visits, reminders, warranty extensions, maintenance visits and
/// consumables of May 2021 in the demo tenant (long before the demo seed's), and the same kinds of rows in acme that must never count.
/// </summary>
public sealed class CareReportsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly ReportFilter May = new(new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 31), Bucket: ReportBucket.Week);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _seeded;

    [Fact]
    public async Task MeasureReturnsStepByStepWithTheirJudgementsAndCharges()
    {
        await using var scope = await SeededAsync();
        CultureInfo.CurrentUICulture = English;

        var result = await scope.ServiceProvider.GetRequiredService<RmaReport>().RunAsync(May);

        // The cancelled return and acme's are not counted.
        Assert.Equal((2, 1, 1), (result.Total, result.Closed, result.Open));
        Assert.Equal(["2021-04-26", "2021-05-03", "2021-05-10", "2021-05-17", "2021-05-24", "2021-05-31"], result.Periods.Select(p => p.Label));
        Assert.Equal([0, 2, 0, 0, 0, 0], result.Periods.Select(p => p.Count));
        // The step a return is still in (rma2 repairing) is not measured; rma1 spent 2 and rma2 4 hours waiting for assignment.
        Assert.Equal(
            [
                ("WaitingForAssignment", new Duration(2, 3, 3)), ("Assigned", new Duration(2, 24, 24)), ("InTransitToFactory", new Duration(2, 60, 60)),
                ("ReceivedAtFactory", new Duration(2, 30, 30)), ("RepairingAtFactory", new Duration(1, 48, 48)), ("ShippedBack", new Duration(1, 48, 48)),
                ("ReturnVisit", new Duration(1, 190, 190)),
            ],
            result.Steps.Select(s => (s.Status, s.Time)));
        Assert.Equal("In transit to factory", result.Steps[2].Name);
        Assert.Equal(new Duration(1, 170, 170), result.ToShippedBack);
        Assert.Equal(new Duration(1, 408, 408), result.ToClose);
        // rma1 was judged twice: its latest judgement counts.
        Assert.Equal((2, 1, 1), (result.Judged, result.Covered, result.NotCovered));
        Assert.Equal([("Customer", 1), ("Supplier", 1)], result.Responsibility.Select(r => (r.Name, r.Count)));
        Assert.Equal([("50/50", 1, 50.0), ("Supplier pays all", 1, 50.0)], result.CostSharing.Select(r => (r.Name, r.Count, r.Share!.Value)));
        Assert.Equal((120m, 150m), (result.CustomerCharged, result.WarrantyParts));

        var byRegion = await scope.ServiceProvider.GetRequiredService<RmaReport>().RunAsync(May with { Region = await RegionAsync(scope) });
        Assert.Equal(1, byRegion.Total);
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<RmaReport>().RunAsync(May with { To = new DateOnly(2021, 5, 2) })).Total);
    }

    [Fact]
    public async Task CountComplaintsByCategoryWithHandlingTimeAndSatisfaction()
    {
        await using var scope = await SeededAsync();
        var report = scope.ServiceProvider.GetRequiredService<ComplaintsReport>();

        var result = await report.RunAsync(May, English);

        Assert.Equal((3, 1), (result.Total, result.Closed));
        Assert.Equal([0, 2, 1, 0, 0, 0], result.Periods.Select(p => p.Count));
        // Handled: the first time each entered Processed (24 h and 6 h); the later second entry of c2 does not count.
        Assert.Equal(new Duration(2, 15, 15), result.Handling);
        Assert.Equal(new Duration(1, 72, 72), result.ToClose);
        Assert.Equal((2, 3.0, 1, 50.0), (result.Answers, result.Csat, result.Satisfied, result.SatisfiedRate));
        Assert.Equal(
            [("Late arrival", 2, 66.7, 1, new Duration(2, 15, 15), 2, (double?)3.0), ("", 1, 33.3, 0, new Duration(0, null, null), 0, null)],
            result.Categories.Select(c => (c.Name, c.Requests, c.Share!.Value, c.Closed, c.Handling, c.Answers, c.Csat)));

        var mine = await report.RunAsync(May with { EngineerId = await EngineerIdAsync(scope) }, English);
        Assert.Equal(1, mine.Total);
        Assert.Equal(0, (await report.RunAsync(May with { ModelCode = "CARE-B" }, English)).Total);
    }

    [Fact]
    public async Task CountRemindersExtensionsMaintenanceAndConsumables()
    {
        await using var scope = await SeededAsync();

        var result = await scope.ServiceProvider.GetRequiredService<CareReport>().RunAsync(May);

        Assert.Equal(
            [(ReminderKind.WarrantyExpiry, DeliveryChannel.InApp, 1, 0, 1), (ReminderKind.WarrantyExpiry, DeliveryChannel.Email, 2, 2, 0), (ReminderKind.MaintenancePlan, DeliveryChannel.Email, 1, 0, 0)],
            result.Reminders.Select(r => (r.Kind, r.Channel, r.Written, r.Delivered, r.Failed)));
        Assert.Equal([("CARE-A", 2, 300m), ("CARE-B", 1, 100.5m)], result.Extensions.Select(x => (x.ModelCode, x.Count, x.Fees)));
        Assert.Equal((2, 1, 50.0), (result.MaintenanceDue, result.MaintenanceDone, result.MaintenanceRate!.Value));
        var consumable = Assert.Single(result.Consumables);
        Assert.Equal(("CARE-A", "Filter", 1, 2.0), (consumable.ModelCode, consumable.Name, consumable.Replacements, consumable.Quantity));
        Assert.Equal([0, 2, 1, 1, 0, 0], result.Periods.Select(p => p.Reminders));
        Assert.Equal([0, 2, 0, 1, 0, 0], result.Periods.Select(p => p.Extensions));
        Assert.Equal([0, 0, 1, 1, 0, 0], result.Periods.Select(p => p.MaintenanceDue));
        Assert.Equal([0, 0, 1, 0, 0, 0], result.Periods.Select(p => p.MaintenanceDone));
        Assert.Equal([0, 1, 0, 0, 0, 0], result.Periods.Select(p => p.Consumables));
        Assert.True((await scope.ServiceProvider.GetRequiredService<CareReport>().RunAsync(May with { From = new DateOnly(2021, 6, 1), To = new DateOnly(2021, 6, 30) })).IsEmpty);
    }

    [Fact]
    public async Task RecordTheJudgementAndTheCategoryAsTheTransitionFormGivesThem()
    {
        await using var scope = await SeededAsync();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>().Create();
        var request = await db.ServiceRequests.SingleAsync(r => r.Number == "SR-20210420-9301");
        // The complaint category the seed filed c1 under.
        var category = await db.ServiceRequests.Where(r => r.Number == "SR-20210503-9201").Select(r => r.CategoryId!.Value).SingleAsync();
        var actor = new RequestActor("someone", "Someone", new HashSet<string> { Roles.Manager });
        var now = DateTimeOffset.UtcNow;

        var values = new Dictionary<string, object?>
        {
            ["warrantyCovered"] = "false", ["responsibility"] = " Customer misuse ", ["costSharing"] = "Customer pays", ["measures"] = "Replaced board",
            ["complaintCategory"] = category.ToString(),
        };
        foreach (var observer in scope.ServiceProvider.GetServices<ITransitionFormObserver>())
        {
            await observer.ObserveAsync(new TransitionFormContext(db, request, values, actor, now), CancellationToken.None);
        }

        // A form without the judgement's questions records none.
        foreach (var observer in scope.ServiceProvider.GetServices<ITransitionFormObserver>())
        {
            await observer.ObserveAsync(new TransitionFormContext(db, request, new Dictionary<string, object?> { ["measures"] = "Cleaned" }, actor, now), CancellationToken.None);
        }

        await db.SaveChangesAsync();

        using var reports = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
        var judgement = Assert.Single(await reports.RmaJudgements.Where(j => j.ServiceRequestId == request.Id).ToListAsync());
        Assert.Equal((false, "Customer misuse", "Customer pays", "Someone"), (judgement.WarrantyCovered, judgement.Responsibility, judgement.CostSharing, judgement.By));
        Assert.Equal(category, (await reports.ServiceRequests.SingleAsync(r => r.Id == request.Id)).CategoryId);
    }

    [Fact]
    public async Task CountTheEngineersAndAdministratorsDashboardsAsTheListsTheyOpen()
    {
        await using var scope = await SeededAsync();
        var engineer = await AppointmentsShould.DemoEngineerAsync(scope);
        var dashboards = scope.ServiceProvider.GetRequiredService<WorkDashboards>();
        var work = scope.ServiceProvider.GetRequiredService<MyWork>();

        var figures = await dashboards.EngineerAsync(engineer.UserId!);
        var day = (await work.DayAsync(work.Today, engineer))!;
        var mine = await scope.ServiceProvider.GetRequiredService<RequestDesk>().SearchAsync(new RequestQuery(RequestView.Mine, UserId: engineer.UserId, Take: 1));

        Assert.Equal(day.Visits.Count, figures.VisitsToday);
        Assert.Equal(day.Visits.Count(v => v.Visit!.Status == AppointmentStatus.Planned), figures.StillToVisit);
        Assert.Equal(day.Unscheduled.Count, figures.WaitingForVisit);
        Assert.Equal(mine.Total, figures.MyOpen);
        // The seed's visit today on the open return, and the one already done.
        Assert.True(figures.VisitsToday >= 2 && figures.StillToVisit < figures.VisitsToday);

        var admin = await dashboards.AdminAsync(English);
        var usage = (await scope.ServiceProvider.GetRequiredService<SubscriptionBook>().CurrentAsync()).Usage;
        Assert.Equal(usage.Where(u => u.Used is not null).Select(u => (u.Limit, u.Used!.Value, u.Max)), admin.Usage.Select(u => (u.Limit, u.Used, u.Max)));
        Assert.Contains(admin.Usage, u => u.Limit == PlanLimit.SerialNumbers && u.Link == "serials");
        var today = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant.TodayFor(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.Equal($"reports/care?from={today:yyyy-MM}-01&to={today:yyyy-MM-dd}", WorkDashboards.Link(PlanLimit.ReminderEmailsPerMonth, today));
    }

    [Fact]
    public async Task ShowEachRoleItsOwnDashboardWhoseNumbersOpenTheirLists()
    {
        await SeededAsync();
        var engineer = factory.CreateBrowser();
        await engineer.LoginAsync("/t/demo", "engineer@demo.example");
        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var manager = factory.CreateBrowser();
        await manager.LoginAsync("/t/demo", "manager@demo.example");

        // The engineer's home is My work: their numbers head it and open its lists or their requests.
        var (_, work) = await engineer.GetPageAsync("/t/demo/my-work");
        Assert.Contains("data-testid=\"engineer-dashboard\"", work, StringComparison.Ordinal);
        Assert.Contains("href=\"my-work#unscheduled\"", work, StringComparison.Ordinal);
        Assert.Contains("href=\"requests?view=Mine\"", work, StringComparison.Ordinal);
        Assert.Contains("id=\"unscheduled\"", work, StringComparison.Ordinal);

        var (_, adminHome) = await admin.GetPageAsync("/t/demo/");
        Assert.Contains("data-testid=\"admin-dashboard\"", adminHome, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/engineers\"", adminHome, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/users\"", adminHome, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"engineer-dashboard\"", adminHome, StringComparison.Ordinal);

        var (_, managerHome) = await manager.GetPageAsync("/t/demo/");
        Assert.DoesNotContain("data-testid=\"admin-dashboard\"", managerHome, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/audit\"", managerHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"admin/users\"", managerHome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("manager@demo.example", HttpStatusCode.OK)]
    [InlineData("agent@demo.example", HttpStatusCode.Forbidden)]
    [InlineData("engineer@demo.example", HttpStatusCode.Forbidden)]
    public async Task LetOnlyManagementSeeAndExportTheNewReports(string email, HttpStatusCode expected)
    {
        await SeededAsync();
        var client = factory.CreateBrowser();
        await client.LoginAsync("/t/demo", email);

        foreach (var (report, parts, chart) in new[]
                 {
                     ("returns", new[] { "", "volume", "responsibility", "cost-sharing" }, "rma-steps-chart"),
                     ("complaints", ["", "trend"], "complaints-trend-chart"),
                     ("care", ["", "reminders", "extensions", "consumables"], "care-chart"),
                 })
        {
            foreach (var part in parts)
            {
                var export = await client.GetAsync($"/t/demo/reports/{report}.xlsx?from=2021-05-01&to=2021-05-31&part={part}");
                Assert.Equal(expected, Status(export));
                if (expected == HttpStatusCode.OK)
                {
                    Assert.Equal(ExcelExport.ContentType, export.Content.Headers.ContentType?.MediaType);
                }
            }

            var (page, html) = await client.GetPageAsync($"/t/demo/reports/{report}?from=2021-05-01&to=2021-05-31");
            Assert.Equal(expected, Status(page));
            Assert.Equal(expected == HttpStatusCode.OK, html.Contains(chart, StringComparison.Ordinal));
            if (expected == HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/t/demo/reports/{report}.xlsx?from=2021-05-01&to=2021-04-01")).StatusCode);
                var (_, empty) = await client.GetPageAsync($"/t/demo/reports/{report}?from=2019-01-01&to=2019-01-31");
                Assert.Contains("report-empty", empty, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task NeverCountAnotherTenantsReturnsComplaintsOrCare()
    {
        await SeededAsync();
        var demoManager = factory.CreateBrowser();
        await demoManager.LoginAsync("/t/demo", "manager@demo.example");
        foreach (var report in new[] { "returns", "complaints", "care" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, Status(await demoManager.GetAsync($"/t/acme/reports/{report}.xlsx?from=2021-05-01&to=2021-05-31")));
            Assert.Equal(HttpStatusCode.Forbidden, Status(await demoManager.GetAsync($"/t/acme/reports/{report}?from=2021-05-01&to=2021-05-31")));
        }

        // Acme's own rows of the month, and none of demo's.
        await using var acme = await factory.TenantScopeAsync("acme");
        var returns = await acme.ServiceProvider.GetRequiredService<RmaReport>().RunAsync(May);
        Assert.Equal((1, 1), (returns.Total, returns.Judged));
        Assert.Equal([("Acme's own", 1)], returns.Responsibility.Select(r => (r.Name, r.Count)));
        Assert.Equal(0m, returns.CustomerCharged);
        var complaints = await acme.ServiceProvider.GetRequiredService<ComplaintsReport>().RunAsync(May, English);
        Assert.Equal((1, 0, null), (complaints.Total, complaints.Answers, complaints.Csat));
        var care = await acme.ServiceProvider.GetRequiredService<CareReport>().RunAsync(May);
        Assert.Equal([(ReminderKind.WarrantyExpiry, DeliveryChannel.Email, 1)], care.Reminders.Select(r => (r.Kind, r.Channel, r.Written)));
        Assert.Empty(care.Extensions);
        Assert.Empty(care.Consumables);
        Assert.Equal(0, care.MaintenanceDue);
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

    private static ServiceRequest Request(IReadOnlyDictionary<string, Guid> types, string number, string type, DateTimeOffset created, string status, StatusCategory category) => new()
    {
        Number = number, ServiceTypeId = types[type], CreatedAt = created, UpdatedAt = created, Status = status, StatusCategory = category,
        Subject = "Care report test " + number, WorkflowKey = type, WorkflowVersion = 1,
    };

    private static RequestEvent Moved(ServiceRequest r, DateTimeOffset at, string from, string to) =>
        new() { ServiceRequestId = r.Id, At = at, Kind = RequestEventKind.StatusChanged, FromStatus = from, ToStatus = to, ByUserId = "someone" };

    private static OutboxMessage Sent(string template, DeliveryChannel channel, DeliveryStatus status, DateTimeOffset at) => new()
    {
        Channel = channel, Recipient = "someone", TemplateKey = template, Subject = "Reminder", Body = "Reminder", Status = status, CreatedAt = at, NextAttemptAt = at,
    };

    private async Task SeedAsync()
    {
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
            DateTimeOffset At(int day, double hour) => tenant.MidnightUtc(new DateOnly(2021, 5, day)).AddHours(hour);
            await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync();
            using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
            var types = await db.ServiceTypes.ToDictionaryAsync(t => t.Code, t => t.Id);
            var engineer = await EngineerIdAsync(scope);
            var customer = await db.Customers.SingleAsync(c => c.Code == "C1001");

            // Returns to factory: rma1 went all the way, rma2 is being repaired, rma3 was cancelled.
            var rma1 = Request(types, "SR-20210503-9101", "RMA", At(3, 10), RequestStatuses.Closed, StatusCategory.Done);
            rma1.ClosedAt = At(20, 10); rma1.CustomerId = customer.Id;
            var rma2 = Request(types, "SR-20210505-9101", "RMA", At(5, 8), "RepairingAtFactory", StatusCategory.Waiting);
            rma2.AssigneeId = engineer; rma2.AssigneeName = "Engineer";
            var rma3 = Request(types, "SR-20210506-9101", "RMA", At(6, 8), RequestStatuses.Cancelled, StatusCategory.Done);
            rma3.ClosedAt = At(6, 9);
            db.ServiceRequests.AddRange(rma1, rma2, rma3);
            db.RequestEvents.AddRange(
                Moved(rma1, At(3, 12), "WaitingForAssignment", "Assigned"), Moved(rma1, At(4, 12), "Assigned", "InTransitToFactory"),
                Moved(rma1, At(7, 12), "InTransitToFactory", "ReceivedAtFactory"), Moved(rma1, At(8, 12), "ReceivedAtFactory", "RepairingAtFactory"),
                Moved(rma1, At(10, 12), "RepairingAtFactory", "ShippedBack"), Moved(rma1, At(12, 12), "ShippedBack", "ReturnVisit"),
                Moved(rma1, At(20, 10), "ReturnVisit", "Closed"),
                Moved(rma2, At(5, 12), "WaitingForAssignment", "Assigned"), Moved(rma2, At(6, 12), "Assigned", "InTransitToFactory"),
                Moved(rma2, At(8, 12), "InTransitToFactory", "ReceivedAtFactory"), Moved(rma2, At(10, 0), "ReceivedAtFactory", "RepairingAtFactory"),
                Moved(rma3, At(6, 9), "WaitingForAssignment", "Cancelled"));
            db.RmaJudgements.AddRange(
                new RmaJudgement { ServiceRequestId = rma1.Id, WarrantyCovered = false, Responsibility = "Customer", CostSharing = "Customer pays", At = At(8, 12) },
                new RmaJudgement { ServiceRequestId = rma1.Id, WarrantyCovered = true, Responsibility = "Supplier", CostSharing = "Supplier pays all", At = At(9, 12) },
                new RmaJudgement { ServiceRequestId = rma2.Id, WarrantyCovered = false, Responsibility = "Customer", CostSharing = "50/50", At = At(10, 0) },
                new RmaJudgement { ServiceRequestId = rma3.Id, WarrantyCovered = false, Responsibility = "Cancelled", CostSharing = "None", At = At(6, 9) });
            WorkReport Report(ServiceRequest r, int visit, int day, WorkReportState state, decimal labor, decimal other) => new()
            {
                ServiceRequestId = r.Id, RequestNumber = r.Number, Visit = visit, EngineerId = engineer, EngineerName = "Engineer", VisitedOn = new DateOnly(2021, 5, day),
                Result = WorkResult.Solved, State = state, LaborHours = 1m, LaborFee = labor, OtherFee = other, CreatedAt = At(day, 12), SubmittedAt = At(day, 13),
                VerificationCode = Guid.NewGuid().ToString("N"),
            };
            var repair = Report(rma1, 1, 9, WorkReportState.Submitted, 80m, 20m);
            repair.Parts.Add(new WorkReportPart { Line = 1, Code = "RP-1", Name = "Seal", Quantity = 2m, UnitPrice = 10m, Charged = true });
            repair.Parts.Add(new WorkReportPart { Line = 2, Code = "RP-2", Name = "Board", Quantity = 1m, UnitPrice = 150m, Charged = false });
            db.WorkReports.AddRange(repair, Report(rma1, 2, 11, WorkReportState.Draft, 999m, 0m));

            // Complaints: c1 handled and closed, c2 handled twice and open, c3 uncategorised, c4 cancelled.
            var late = new DictionaryEntry { Kind = DictionaryKind.ComplaintCategory, NameZh = "上门迟到", NameEn = "Late arrival" };
            db.DictionaryEntries.Add(late);
            var c1 = Request(types, "SR-20210503-9201", "COMPLAINT", At(3, 9), RequestStatuses.Closed, StatusCategory.Done);
            c1.CategoryId = late.Id; c1.ClosedAt = At(6, 9); c1.AssigneeId = engineer; c1.AssigneeName = "Engineer";
            var c2 = Request(types, "SR-20210504-9201", "COMPLAINT", At(4, 10), RequestStatuses.ReturnVisit, StatusCategory.InProgress);
            c2.CategoryId = late.Id;
            var c3 = Request(types, "SR-20210512-9201", "COMPLAINT", At(12, 10), RequestStatuses.WaitingForAssignment, StatusCategory.New);
            var c4 = Request(types, "SR-20210513-9201", "COMPLAINT", At(13, 10), RequestStatuses.Cancelled, StatusCategory.Done);
            c4.CategoryId = late.Id;
            db.ServiceRequests.AddRange(c1, c2, c3, c4);
            db.RequestEvents.AddRange(
                Moved(c1, At(4, 9), "Assigned", "Processed"), Moved(c1, At(5, 9), "Processed", "ReturnVisit"), Moved(c1, At(6, 9), "ReturnVisit", "Closed"),
                Moved(c2, At(4, 16), "Assigned", "Processed"), Moved(c2, At(5, 8), "Processed", "Assigned"), Moved(c2, At(5, 16), "Assigned", "Processed"));
            db.ReturnVisits.AddRange(
                new ReturnVisit { ServiceRequestId = c1.Id, CreatedAt = At(5, 9), DueAt = At(6, 9), Status = ReturnVisitStatus.Done, Satisfaction = 4, Satisfied = true, RecordedAt = At(6, 8) },
                new ReturnVisit { ServiceRequestId = c2.Id, CreatedAt = At(5, 17), DueAt = At(6, 17), Status = ReturnVisitStatus.Done, Satisfaction = 2, Satisfied = false, RecordedAt = At(6, 10) },
                new ReturnVisit { ServiceRequestId = c2.Id, Attempt = 2, CreatedAt = At(7, 9), DueAt = At(8, 9), Status = ReturnVisitStatus.Cancelled },
                new ReturnVisit { ServiceRequestId = c4.Id, CreatedAt = At(13, 11), DueAt = At(14, 9), Status = ReturnVisitStatus.Done, Satisfaction = 1, Satisfied = false, RecordedAt = At(13, 12) });

            // Care: reminders sent, warranty extensions, a consumable, two maintenance visits.
            db.OutboxMessages.AddRange(
                Sent(ReminderRules.TemplateKey, DeliveryChannel.Email, DeliveryStatus.Sent, At(3, 8)),
                Sent(ReminderRules.TemplateKey, DeliveryChannel.InApp, DeliveryStatus.Failed, At(3, 8)),
                Sent(ReminderRules.TemplateKey, DeliveryChannel.Email, DeliveryStatus.Sent, At(11, 8)),
                Sent(ReminderKinds.TemplateKey(ReminderKind.MaintenancePlan), DeliveryChannel.Email, DeliveryStatus.Pending, At(20, 8)),
                Sent(ReminderRules.TemplateKey, DeliveryChannel.Email, DeliveryStatus.Sent, tenant.MidnightUtc(new DateOnly(2021, 4, 30)).AddHours(8)),
                Sent("rma.shippedBack", DeliveryChannel.Email, DeliveryStatus.Sent, At(10, 12)));
            var modelA = new ProductModel { Code = "CARE-A", Name = "Care model A" };
            var modelB = new ProductModel { Code = "CARE-B", Name = "Care model B" };
            var unitA1 = new SerialNumber { Number = "CARE-A-0001", ProductModelId = modelA.Id, CustomerId = customer.Id };
            var unitA2 = new SerialNumber { Number = "CARE-A-0002", ProductModelId = modelA.Id };
            var unitB1 = new SerialNumber { Number = "CARE-B-0001", ProductModelId = modelB.Id };
            db.ProductModels.AddRange(modelA, modelB);
            db.SerialNumbers.AddRange(unitA1, unitA2, unitB1);
            db.ModelConsumables.Add(new ModelConsumable { ProductModelId = modelA.Id, Name = "Filter", LifetimeDays = 180, PartCode = "FLT-1" });
            db.WarrantyExtensions.AddRange(
                new WarrantyExtension { SerialNumberId = unitA1.Id, NewEnd = new DateOnly(2023, 5, 5), Reason = "Sold", Fee = 300m, At = At(5, 10) },
                new WarrantyExtension { SerialNumberId = unitA2.Id, NewEnd = new DateOnly(2023, 5, 6), Reason = "Goodwill", At = At(6, 10) },
                new WarrantyExtension { SerialNumberId = unitB1.Id, NewEnd = new DateOnly(2023, 5, 20), Reason = "Sold", Fee = 100.5m, At = At(20, 10) },
                new WarrantyExtension { SerialNumberId = unitB1.Id, NewEnd = new DateOnly(2022, 5, 20), Reason = "Sold", Fee = 50m, At = tenant.MidnightUtc(new DateOnly(2021, 4, 20)) });
            var serviceA = Request(types, "SR-20210420-9301", "ONSITE", tenant.MidnightUtc(new DateOnly(2021, 4, 20)).AddHours(9), RequestStatuses.Closed, StatusCategory.Done);
            serviceA.ModelCode = "CARE-A"; serviceA.SerialNumberId = unitA1.Id; serviceA.ClosedAt = At(7, 16);
            var serviceB = Request(types, "SR-20210421-9301", "ONSITE", tenant.MidnightUtc(new DateOnly(2021, 4, 21)).AddHours(9), RequestStatuses.Closed, StatusCategory.Done);
            serviceB.ModelCode = "CARE-B"; serviceB.SerialNumberId = unitB1.Id; serviceB.ClosedAt = At(7, 16);
            db.ServiceRequests.AddRange(serviceA, serviceB);
            var fitted = Report(serviceA, 1, 7, WorkReportState.Submitted, 0m, 0m);
            fitted.Parts.Add(new WorkReportPart { Line = 1, Code = "flt-1", Name = "Filter", Quantity = 2m, UnitPrice = 30m, Charged = true });
            fitted.Parts.Add(new WorkReportPart { Line = 2, Code = "OTHER", Name = "Screw", Quantity = 5m, UnitPrice = 1m, Charged = true });
            var otherModel = Report(serviceB, 1, 7, WorkReportState.Submitted, 0m, 0m);
            otherModel.Parts.Add(new WorkReportPart { Line = 1, Code = "FLT-1", Name = "Filter", Quantity = 1m, UnitPrice = 30m, Charged = true });
            var draft = Report(serviceA, 2, 8, WorkReportState.Draft, 0m, 0m);
            draft.Parts.Add(new WorkReportPart { Line = 1, Code = "FLT-1", Name = "Filter", Quantity = 9m, UnitPrice = 30m, Charged = true });
            db.WorkReports.AddRange(fitted, otherModel, draft);

            // Today's visits of the engineer: one planned on the open return, one done.
            var today = tenant.TodayFor(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
            var noon = tenant.MidnightUtc(today).AddHours(12);
            db.Appointments.AddRange(
                new Appointment { ServiceRequestId = rma2.Id, EngineerId = engineer, EngineerName = "Engineer", Day = today, StartsAt = noon, EndsAt = noon.AddHours(2), AgreedAt = noon.AddDays(-1) },
                new Appointment
                {
                    ServiceRequestId = c1.Id, EngineerId = engineer, EngineerName = "Engineer", Day = today, StartsAt = noon.AddHours(-4), EndsAt = noon.AddHours(-3),
                    AgreedAt = noon.AddDays(-1), Status = AppointmentStatus.Done, FinishedAt = noon.AddHours(-3),
                });
            await db.SaveChangesAsync();

            using var reminders = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
            var plan = new ReminderRule { Name = "Care report plan", Kind = ReminderKind.MaintenancePlan, OffsetDays = "7", IntervalMonths = 6, ProductModelIds = [modelA.Id], IsEnabled = false };
            reminders.ReminderRules.Add(plan);
            reminders.DueReminders.AddRange(
                new DueReminder { RuleId = plan.Id, SerialNumberId = unitA1.Id, DueDate = new DateOnly(2021, 5, 3), OffsetDays = 7, DueAt = At(3, 0), State = DueReminderState.Sent, SentAt = At(3, 8), CreatedRequestId = serviceA.Id },
                new DueReminder { RuleId = plan.Id, SerialNumberId = unitA2.Id, DueDate = new DateOnly(2021, 5, 13), OffsetDays = 7, DueAt = At(13, 0), State = DueReminderState.Sent, SentAt = At(13, 8) },
                new DueReminder { RuleId = plan.Id, SerialNumberId = unitB1.Id, DueDate = new DateOnly(2021, 5, 14), OffsetDays = 7, DueAt = At(14, 0), State = DueReminderState.Cancelled });
            await reminders.SaveChangesAsync();
        }

        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var tenant = acme.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
            DateTimeOffset At(int day, double hour) => tenant.MidnightUtc(new DateOnly(2021, 5, day)).AddHours(hour);
            await acme.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync();
            using var db = acme.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
            var types = await db.ServiceTypes.ToDictionaryAsync(t => t.Code, t => t.Id);
            var rma = Request(types, "SR-20210504-9101", "RMA", At(4, 9), "RepairingAtFactory", StatusCategory.Waiting);
            var complaint = Request(types, "SR-20210504-9201", "COMPLAINT", At(4, 9), RequestStatuses.Assigned, StatusCategory.InProgress);
            db.ServiceRequests.AddRange(rma, complaint);
            db.RmaJudgements.Add(new RmaJudgement { ServiceRequestId = rma.Id, WarrantyCovered = true, Responsibility = "Acme's own", CostSharing = "Acme", At = At(5, 9) });
            db.OutboxMessages.Add(Sent(ReminderRules.TemplateKey, DeliveryChannel.Email, DeliveryStatus.Sent, At(3, 8)));
            await db.SaveChangesAsync();
        }
    }
}

using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.WorkReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Work reports on the host: a submitted report moves the request through its workflow in the same unit of work (solved, or a
/// counted attempt that locks after the second), the manager verifies or returns it, charges add up, the service report is mailed
/// and checked by its code, and nothing of one tenant's reports reaches another.
/// </summary>
public sealed class WorkReportsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Dispatcher = new("dispatcher-id", "Dispatcher", new HashSet<string> { Roles.Dispatcher });
    private static readonly RequestActor Manager = new("manager-id", "Manager", new HashSet<string> { Roles.Manager });

    // A 1×1 PNG: the signature pad's output in miniature.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task MoveTheRequestToProcessedWhenASolvedReportIsSubmittedAndChargeOnlyWhatTheWarrantyDoesNotCover()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var (engineer, request) = await AssignedOnSiteAsync(scope, "Solved on the first visit");
        var book = scope.ServiceProvider.GetRequiredService<WorkReportBook>();
        var part = await PartAsync(scope, "WR-FAN", 120m);
        var input = await InputAsync(scope, WorkResult.Solved);
        input.Parts = [new() { SparePartId = part, Name = "ignored", Quantity = 2, Charged = true }, new() { Name = "Gasket", Code = "G-1", Quantity = 1, UnitPrice = 30m, Charged = false }];
        input.LaborFee = 80m;
        input.TravelFee = 25.5m;

        var saved = await book.SaveAsync(request, null, input, null, engineer);
        var photo = await book.AddPhotosAsync(request, saved.Id!.Value, [new AttachmentUpload("unit.png", "image/png", Png.Length, () => new MemoryStream(Png))], engineer);
        var signed = await book.SignAsync(request, saved.Id!.Value, Png, "张三", saved.Stamp!, engineer);
        var submitted = await book.SubmitAsync(await ReloadAsync(scope, request), saved.Id.Value, signed.Stamp!, engineer);

        var after = await ReloadAsync(scope, request);
        var report = (await book.GetAsync(saved.Id.Value))!;
        var charges = WorkReportRules.Total(report);
        Assert.Equal(ActionStatus.Done, submitted.Status);
        Assert.Equal("Processed", after.Status);
        Assert.Equal((WorkReportState.Submitted, 1), (report.State, report.Visit));
        // The catalogue's price is taken when the engineer left it at zero, and its own name replaces what the client sent.
        Assert.Equal(("WR-FAN", 120m), (report.Parts[0].Code, report.Parts[0].UnitPrice));
        Assert.Equal(new Charges(240m, 30m, 80m, 25.5m, 0m, 345.5m), charges);
        Assert.NotNull(await book.SignatureDataUrlAsync(report));
        Assert.Equal(AttachmentStatus.Added, photo.Status);
        Assert.Equal(photo.Added.Select(a => a.Id), report.PhotoIds);
        var late = await book.AddPhotosAsync(after, report.Id, [new AttachmentUpload("late.png", "image/png", Png.Length, () => new MemoryStream(Png))], engineer);
        Assert.Equal(AttachmentStatus.NotFound, late.Status);
        Assert.Contains(await Desk(scope).TimelineAsync(request.Id), e => e.Kind == RequestEventKind.Comment && e.Text!.Contains("1", StringComparison.Ordinal) && e.By == engineer.Name);
        // Processed, the request is no longer the engineer's to give back.
        var decline = await scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Dispatch.RequestDeclines>().DeclineAsync(after.Id, "Too late", after.ConcurrencyStamp, engineer);
        Assert.Equal(ActionStatus.NotAllowed, decline.Status);
        // Submitted, it is no longer the engineer's to change.
        Assert.Equal(ActionStatus.NotAllowed, (await book.SaveAsync(after, report.Id, input, report.ConcurrencyStamp, engineer)).Status);
    }

    [Fact]
    public async Task CountAVisitThatDidNotSolveItAsAnAttemptAndLockTheRequestAfterTheSecond()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var (engineer, request) = await AssignedOnSiteAsync(scope, "Two failed visits");
        var book = scope.ServiceProvider.GetRequiredService<WorkReportBook>();

        var first = await SubmitNewAsync(scope, book, request, engineer, WorkResult.NeedsParts);
        var back = await ReloadAsync(scope, request);
        await AssignAsync(scope, back, engineer.UserId!);
        var second = await SubmitNewAsync(scope, book, await ReloadAsync(scope, request), engineer, WorkResult.NotSolved);
        var locked = await ReloadAsync(scope, request);
        var reports = await book.ForRequestAsync(request.Id);

        Assert.Equal(ActionStatus.Done, first.Status);
        Assert.Equal(("WaitingForAssignment", 1, (string?)null), (back.Status, back.FailedAttempts, back.AssigneeId));
        Assert.Equal(ActionStatus.Done, second.Status);
        Assert.Equal(("Locked", 2), (locked.Status, locked.FailedAttempts));
        Assert.Equal([1, 2], reports.Select(r => r.Visit));
    }

    [Fact]
    public async Task RefuseAnIncompleteReportOrOneOfSomebodyElseAndKeepTheRequestWhereItIs()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var (engineer, request) = await AssignedOnSiteAsync(scope, "Incomplete report");
        var book = scope.ServiceProvider.GetRequiredService<WorkReportBook>();
        var stranger = new RequestActor("someone-else", "Other engineer", new HashSet<string> { Roles.Engineer });
        var empty = new WorkReportInput { VisitedOn = DateOnly.FromDateTime(DateTime.Today), OtherFee = 10m, LaborHours = 500m };

        var invalid = await book.SaveAsync(request, null, empty, null, engineer);
        empty.OtherFeeNote = "Parking";
        empty.LaborHours = 1;
        var draft = await book.SaveAsync(request, null, empty, null, engineer);
        var incomplete = await book.SubmitAsync(request, draft.Id!.Value, draft.Stamp!, engineer);
        var byStranger = await book.SaveAsync(request, null, empty, null, stranger);
        var stale = await book.SaveAsync(request, draft.Id.Value, empty, "stale", engineer);
        var badSignature = await book.SignAsync(request, draft.Id.Value, [1, 2, 3], "张三", draft.Stamp!, engineer);

        Assert.Equal(ActionStatus.Invalid, invalid.Status);
        Assert.Equal(["LaborHours", "OtherFeeNote"], invalid.Problems.Select(p => p.Field).Order());
        Assert.Equal(ActionStatus.Done, draft.Status);
        Assert.Equal(ActionStatus.Invalid, incomplete.Status);
        Assert.Equal(["FaultCategoryId", "Measures"], incomplete.Problems!.Select(p => p.Field).Order());
        Assert.Equal(ActionStatus.NotAllowed, byStranger.Status);
        Assert.Equal(ActionStatus.Conflict, stale.Status);
        Assert.Equal(ActionStatus.Invalid, badSignature.Status);
        Assert.Equal("Assigned", (await ReloadAsync(scope, request)).Status);
    }

    [Fact]
    public async Task LetOnlyAManagerVerifyAndLetTheEngineerCorrectAReturnedReportWithoutMovingTheRequestAgain()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var (engineer, request) = await AssignedOnSiteAsync(scope, "Verification");
        var book = scope.ServiceProvider.GetRequiredService<WorkReportBook>();
        await SubmitNewAsync(scope, book, request, engineer, WorkResult.Solved);
        var report = (await book.ForRequestAsync(request.Id)).Single();

        var byEngineer = await book.VerifyAsync(report.Id, true, null, report.ConcurrencyStamp, engineer);
        var noReason = await book.VerifyAsync(report.Id, false, " ", report.ConcurrencyStamp, Manager);
        var returned = await book.VerifyAsync(report.Id, false, "Labor hours too high", report.ConcurrencyStamp, Manager);
        var stale = await book.VerifyAsync(report.Id, true, null, report.ConcurrencyStamp, Manager);
        report = (await book.GetAsync(report.Id))!;
        var input = WorkReportBook.InputOf(report);
        input.LaborHours = 1;
        var corrected = await book.SaveAsync(await ReloadAsync(scope, request), report.Id, input, report.ConcurrencyStamp, engineer);
        var resubmitted = await book.SubmitAsync(await ReloadAsync(scope, request), report.Id, corrected.Stamp!, engineer);
        report = (await book.GetAsync(report.Id))!;
        var verified = await book.VerifyAsync(report.Id, true, "OK", report.ConcurrencyStamp, Manager);
        var (pending, _) = await book.SearchAsync(WorkReportState.Submitted, request.Number, 0, 10);
        var (done, _) = await book.SearchAsync(WorkReportState.Verified, request.Number, 0, 10);

        Assert.Equal(ActionStatus.NotAllowed, byEngineer.Status);
        Assert.Equal((ActionStatus.Invalid, "Validation.ReturnReason"), (noReason.Status, noReason.ErrorKey));
        Assert.Equal(ActionStatus.Done, returned.Status);
        Assert.Equal(ActionStatus.Conflict, stale.Status);
        Assert.Equal((ActionStatus.Done, ActionStatus.Done, ActionStatus.Done), (corrected.Status, resubmitted.Status, verified.Status));
        Assert.Equal("Processed", (await ReloadAsync(scope, request)).Status);
        Assert.Empty(pending);
        Assert.Equal(1m, Assert.Single(done).LaborHours);
        var today = DateOnly.FromDateTime(DateTime.Today);
        Assert.Contains(await book.VerifiedAsync(today.AddDays(-1), today.AddDays(1)), r => r.Id == report.Id);
    }

    [Fact]
    public async Task MailTheServiceReportThroughTheOutboxAndShowItsCheckPageToAnyoneWithTheCode()
    {
        string code;
        Guid reportId;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var (engineer, request) = await AssignedOnSiteAsync(scope, "Mailed report");
            var book = scope.ServiceProvider.GetRequiredService<WorkReportBook>();
            await SubmitNewAsync(scope, book, request, engineer, WorkResult.Solved);
            var report = (await book.ForRequestAsync(request.Id)).Single();
            code = report.VerificationCode;
            reportId = report.Id;

            var bad = await book.EmailAsync(report.Id, "not-an-address", "http://localhost/t/demo/report/" + code, engineer);
            var sent = await book.EmailAsync(report.Id, "customer@example.com", "http://localhost/t/demo/report/" + code, engineer);
            var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
            var mail = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RequestId == request.Id && m.TemplateKey == "workReport.sent");

            Assert.Equal((ActionStatus.Invalid, ActionStatus.Done), (bad.Status, sent.Status));
            Assert.Equal("customer@example.com", mail.Recipient);
            Assert.Contains("/t/demo/report/" + code, mail.Body, StringComparison.Ordinal);
        }

        var anonymous = factory.CreateBrowser();
        var (check, html) = await anonymous.GetPageAsync($"/t/demo/report/{code.ToLowerInvariant()}");
        var (elsewhere, elsewhereHtml) = await anonymous.GetPageAsync($"/t/acme/report/{code}");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("report-check-genuine", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Contains("report-check-unknown", elsewhereHtml, StringComparison.Ordinal);

        var manager = factory.CreateBrowser();
        await manager.LoginAsync("/t/demo", "manager@demo.example");
        var (print, printHtml) = await manager.GetPageAsync($"/t/demo/work-reports/{reportId}/print");
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        Assert.Contains("<svg", printHtml, StringComparison.Ordinal);
        Assert.Contains(code, printHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepOneTenantsReportsFromAnother()
    {
        Guid reportId;
        string number;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var (engineer, request) = await AssignedOnSiteAsync(demo, "Isolated report");
            await SubmitNewAsync(demo, demo.ServiceProvider.GetRequiredService<WorkReportBook>(), request, engineer, WorkResult.Solved);
            reportId = (await demo.ServiceProvider.GetRequiredService<WorkReportBook>().ForRequestAsync(request.Id)).Single().Id;
            number = request.Number;
        }

        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var book = acme.ServiceProvider.GetRequiredService<WorkReportBook>();
            var acmeManager = new RequestActor("acme-manager", "Acme manager", new HashSet<string> { Roles.Manager });
            Assert.Null(await book.GetAsync(reportId));
            Assert.Equal(ActionStatus.NotFound, (await book.VerifyAsync(reportId, true, null, "any", acmeManager)).Status);
            Assert.Equal(ActionStatus.NotFound, (await book.EmailAsync(reportId, "x@example.com", "http://x", acmeManager)).Status);
            Assert.DoesNotContain((await book.SearchAsync(null, null, 0, 100)).Items, r => r.Id == reportId);
        }

        var acmeUser = factory.CreateBrowser();
        await acmeUser.LoginAsync("/t/acme", "admin@acme.example");
        Assert.Equal(HttpStatusCode.NotFound, (await acmeUser.GetAsync($"/t/acme/work-reports/{reportId}/print")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acmeUser.GetAsync($"/t/acme/requests/{number}/work-report/{reportId}")).StatusCode);
        var export = await acmeUser.GetAsync("/t/acme/work-reports/charges.xlsx?from=2020-01-01&to=2020-12-31");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(ExcelExport.ContentType, export.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("manager@demo.example", true)]
    [InlineData("engineer@demo.example", false)]
    public async Task LetOnlyManagementSeeTheVerificationListAndExportCharges(string email, bool allowed)
    {
        var client = factory.CreateBrowser();
        await client.LoginAsync("/t/demo", email);
        var export = await client.GetAsync("/t/demo/work-reports/charges.xlsx?from=2020-01-01&to=2020-12-31");
        var badPeriod = await client.GetAsync("/t/demo/work-reports/charges.xlsx?from=2020-01-01&to=2022-12-31");
        var (page, html) = await client.GetPageAsync("/t/demo/verification");

        Assert.Equal(allowed, export.StatusCode == HttpStatusCode.OK && export.Content.Headers.ContentType?.MediaType == ExcelExport.ContentType);
        Assert.Equal(allowed, badPeriod.StatusCode == HttpStatusCode.BadRequest);
        Assert.Equal(allowed, page.StatusCode == HttpStatusCode.OK && html.Contains("verification-grid", StringComparison.Ordinal));
    }

    private static RequestDesk Desk(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<RequestDesk>();

    private static async Task<RequestDetail> ReloadAsync(AsyncServiceScope scope, RequestDetail request) => (await Desk(scope).GetAsync(request.Number))!;

    // An on-site request dispatched to the tenant's first engineer through the workflow's assign step.
    private static async Task<(RequestActor Engineer, RequestDetail Request)> AssignedOnSiteAsync(AsyncServiceScope scope, string subject)
    {
        var tenant = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.Identifier;
        var (engineerId, _) = await AssignmentRulesShould.EngineersAsync(scope, tenant);
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!.Id;
        var created = await Desk(scope).CreateAsync(
            new RequestInput { ServiceTypeId = type, CustomerCode = tenant == "demo" ? "C1001" : "AC-501", Subject = subject }, Dispatcher);
        Assert.Equal(RequestSaveStatus.Saved, created.Status);
        var request = (await Desk(scope).GetAsync(created.Number!))!;
        await AssignAsync(scope, request, engineerId);
        var engineer = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().FindAsync(engineerId))!;
        return (new RequestActor(engineerId, engineer.Name, new HashSet<string> { Roles.Engineer }), (await Desk(scope).GetAsync(created.Number!))!);
    }

    private static async Task AssignAsync(AsyncServiceScope scope, RequestDetail request, string engineerId)
    {
        var assigned = await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().FireAsync(request.Number, "Assign",
            new Dictionary<string, string?> { [TransitionForm.AssigneeField] = engineerId }, null, request.ConcurrencyStamp, Dispatcher);
        Assert.Equal(ActionStatus.Done, assigned.Status);
    }

    private static async Task<WorkReportInput> InputAsync(AsyncServiceScope scope, WorkResult result) => new()
    {
        VisitedOn = DateOnly.FromDateTime(DateTime.Today),
        FaultCategoryId = (await scope.ServiceProvider.GetRequiredService<DictionaryBook>().ListAsync(DictionaryKind.FaultCategory)).First(e => !e.IsRetired).Id,
        Measures = "Replaced the fan",
        Result = result,
        LaborHours = 1.5m,
    };

    private static async Task<WorkReportSubmit> SubmitNewAsync(AsyncServiceScope scope, WorkReportBook book, RequestDetail request, RequestActor engineer, WorkResult result)
    {
        var saved = await book.SaveAsync(request, null, await InputAsync(scope, result), null, engineer);
        Assert.Equal(ActionStatus.Done, saved.Status);
        return await book.SubmitAsync(await ReloadAsync(scope, request), saved.Id!.Value, saved.Stamp!, engineer);
    }

    private static async Task<Guid> PartAsync(AsyncServiceScope scope, string code, decimal price)
    {
        var catalog = scope.ServiceProvider.GetRequiredService<SparePartCatalog>();
        if ((await catalog.SearchAsync(new PartQuery(code))).Items.FirstOrDefault(p => p.Code == code) is { } existing)
        {
            return existing.Id;
        }

        var saved = await catalog.SaveAsync(null, new PartInput { Code = code, Name = "Cooling fan", Price = price }, null);
        return saved.Id!.Value;
    }
}

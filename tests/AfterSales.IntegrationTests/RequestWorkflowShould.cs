using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Workflow;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Requests on the tenant's workflows: durable timers, new versions, isolation of workflows, transitions through the API.</summary>
public sealed class RequestWorkflowShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Admin = new("admin-id", "Admin", new HashSet<string> { Roles.TenantAdmin });

    [Fact]
    public async Task LockARequestNotAssignedByItsRequestedDateOnceWhenTheTimerComesDue()
    {
        Guid id;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
            var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
            var today = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.TodayFor(DateTimeOffset.UtcNow);
            var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "定时", RequestedDate = today }, Agent)).Number!;
            id = (await desk.GetAsync(number))!.Id;
            var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
            var timer = await db.WorkflowTimers.SingleAsync(t => t.InstanceId == id && t.TimerKey == "requestedDateMissed");
            Assert.Equal(WorkflowTimerState.Pending, timer.State);
            Assert.True(timer.DueAt > DateTimeOffset.UtcNow);
            // The requested day has passed.
            await db.WorkflowTimers.Where(t => t.Id == timer.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var poll = factory.Services.GetRequiredService<WorkflowTimerPoll>();
        var first = await poll.RunAsync();
        var second = await poll.RunAsync();

        await using var check = await factory.TenantScopeAsync("demo");
        var request = (await check.ServiceProvider.GetRequiredService<RequestDesk>().GetAsync((await check.ServiceProvider
            .GetRequiredService<AfterSales.Host.Data.AppDbContext>().ServiceRequests.SingleAsync(r => r.Id == id)).Number))!;
        var timeline = await check.ServiceProvider.GetRequiredService<RequestDesk>().TimelineAsync(id);
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal((RequestStatuses.Locked, true), (request.Status, request.IsLocked));
        Assert.Equal("Not assigned by the requested date", Assert.Single(timeline, e => e.Kind == RequestEventKind.TimerFired).Text);
        Assert.Equal("missedRequestedDate", Assert.Single(timeline, e => e.Kind == RequestEventKind.Locked).Text);
        var timers = await check.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>().WorkflowTimers.Where(t => t.InstanceId == id).ToListAsync();
        Assert.Equal(WorkflowTimerState.Done, timers.Single(t => t.TimerKey == "requestedDateMissed").State);
    }

    [Fact]
    public async Task FireTimersDueTogetherInSeveralTenantsEachOnce()
    {
        // Two requests per tenant whose requested day has passed; one of them also has its resolution timer come due, which fires after
        // the lock of the same request rather than in the same batch.
        var requests = new List<(string Tenant, Guid Id)>();
        foreach (var (tenant, customer) in new[] { ("demo", "C1001"), ("acme", "AC-501") })
        {
            await using var scope = await factory.TenantScopeAsync(tenant);
            var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
            var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
            var today = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.TodayFor(DateTimeOffset.UtcNow);
            var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
            for (var i = 0; i < 2; i++)
            {
                var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = customer, Subject = $"批量定时 {i}", RequestedDate = today }, Agent)).Number!;
                var id = (await desk.GetAsync(number))!.Id;
                requests.Add((tenant, id));
                var due = requests.Count == 1 ? db.WorkflowTimers.Where(t => t.InstanceId == id) : db.WorkflowTimers.Where(t => t.InstanceId == id && t.TimerKey == "requestedDateMissed");
                await due.ExecuteUpdateAsync(set => set.SetProperty(t => t.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            }
        }

        var poll = factory.Services.GetRequiredService<WorkflowTimerPoll>();
        var first = await poll.RunAsync();
        var second = await poll.RunAsync();

        Assert.True(first >= 5);
        Assert.Equal(0, second);
        foreach (var (tenant, id) in requests)
        {
            await using var check = await factory.TenantScopeAsync(tenant);
            var db = check.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
            var request = await db.ServiceRequests.SingleAsync(r => r.Id == id);
            var timeline = await check.ServiceProvider.GetRequiredService<RequestDesk>().TimelineAsync(id);
            Assert.Equal((RequestStatuses.Locked, true), (request.Status, request.IsLocked));
            Assert.Single(timeline, e => e.Kind == RequestEventKind.TimerFired && e.Text == "Not assigned by the requested date");
            Assert.Single(timeline, e => e.Kind == RequestEventKind.Locked);
            Assert.Single(timeline, e => e.Kind == RequestEventKind.StatusChanged);
            Assert.DoesNotContain(await db.WorkflowTimers.Where(t => t.InstanceId == id && t.State == WorkflowTimerState.Pending).ToListAsync(),
                t => t.DueAt <= DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task StartNewRequestsOnAPublishedVersionAndKeepOldOnesOnTheirs()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var book = scope.ServiceProvider.GetRequiredService<WorkflowBook>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("REMOTE"))!;
        var before = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "AC-501", Subject = "Old" }, Agent)).Number!;

        var (draft, stamp) = (await book.StartDraftAsync("REMOTE", null, "Admin"))!.Value;
        var unknownField = draft with
        {
            Statuses = [.. draft.Statuses, new StatusDefinition { Key = "WaitingForCustomer", Name = new("等待客户", "Waiting for customer"), Category = StatusCategory.Waiting }],
            Transitions =
            [
                .. draft.Transitions,
                new TransitionDefinition { Key = "AskCustomer", From = ["Assigned"], To = "WaitingForCustomer", Label = new("询问客户", "Ask the customer"), Roles = [Roles.Agent], RequiredFields = ["questionAsked"] },
                new TransitionDefinition { Key = "CustomerAnswered", From = ["WaitingForCustomer"], To = "Assigned", Label = new("客户已答复", "Customer answered"), Roles = [Roles.Agent] },
            ],
        };
        stamp = (await book.SaveDraftAsync(unknownField, stamp))!;
        var refused = await book.PublishAsync("REMOTE", stamp, await workflow.FieldKeysAsync(), "Admin");
        var known = unknownField with
        {
            Transitions = [.. unknownField.Transitions.Where(t => t.Key != "AskCustomer"), unknownField.FindTransition("AskCustomer")! with { RequiredFields = ["answer"] }],
        };
        stamp = (await book.SaveDraftAsync(known, stamp))!;
        var published = await book.PublishAsync("REMOTE", stamp, await workflow.FieldKeysAsync(), "Admin");
        var after = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "AC-501", Subject = "New" }, Agent)).Number!;

        Assert.Equal(WorkflowPublishStatus.Invalid, refused.Status);
        Assert.Contains(refused.Issues!, i => i.ElementKey == "AskCustomer");
        Assert.Equal((WorkflowPublishStatus.Published, 2), (published.Status, published.Version));
        Assert.Null(await book.SaveDraftAsync(known, stamp));
        foreach (var (number, version, offered) in new[] { (before, 1, false), (after, 2, true) })
        {
            var request = (await desk.GetAsync(number))!;
            Assert.Equal(version, request.WorkflowVersion);
            var assign = await ServiceRequestsShould.FillAsync(workflow, request.Id, "Assign", Agent);
            Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, "Assign", assign, null, request.ConcurrencyStamp, Agent)).Status);
            var state = (await workflow.StateAsync(request.Id, Agent))!;
            Assert.Equal(offered, state.Transitions.Any(t => t.Key == "AskCustomer"));
        }

        var asking = (await desk.GetAsync(after))!;
        var asked = await workflow.FireAsync(after, "AskCustomer", new Dictionary<string, string?> { ["answer"] = "请提供型号照片" }, null, asking.ConcurrencyStamp, Agent);
        Assert.Equal(ActionStatus.Done, asked.Status);
        Assert.Equal(("WaitingForCustomer", "Waiting for customer"), ((await desk.GetAsync(after))!.Status, (await desk.GetAsync(after))!.StatusName));
        Assert.Contains(await desk.StatusesAsync(type.Id), s => s.Key == "WaitingForCustomer" && s.Category == StatusCategory.Waiting);

        // The old request finishes on version 1 unless the admin moves it: a map that leaves its status out moves nothing.
        var older = Assert.Single(await workflow.OpenOnOlderVersionsAsync("REMOTE", 2));
        Assert.Equal((1, 1), (older.Version, older.ByStatus[RequestStatuses.Assigned]));
        var incomplete = await workflow.MigrateAsync("REMOTE", 1, 2, new Dictionary<string, string>(), Admin);
        var suggested = AfterSales.Workflows.Versioning.MigrationPlan.Suggest((await book.FindAsync("REMOTE", 1))!, (await book.FindAsync("REMOTE", 2))!);
        var migrated = await workflow.MigrateAsync("REMOTE", 1, 2, suggested.StatusMap, Admin);
        var moved = (await desk.GetAsync(before))!;

        Assert.Equal(0, incomplete.Moved);
        Assert.NotEmpty(incomplete.Problems);
        Assert.Equal((1, 0), (migrated.Moved, migrated.Skipped));
        Assert.Equal((2, RequestStatuses.Assigned), (moved.WorkflowVersion, moved.Status));
        Assert.Contains((await workflow.StateAsync(moved.Id, Agent))!.Transitions, t => t.Key == "AskCustomer");
        Assert.Empty(await workflow.OpenOnOlderVersionsAsync("REMOTE", 2));
    }

    [Fact]
    public async Task KeepEachTenantsWorkflowsAndInstancesToItself()
    {
        Guid demoRequest;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var book = demo.ServiceProvider.GetRequiredService<WorkflowBook>();
            Assert.NotNull(await book.StartDraftAsync("CONSULT", null, "Admin"));
            var desk = demo.ServiceProvider.GetRequiredService<RequestDesk>();
            var type = (await demo.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!;
            demoRequest = (await desk.GetAsync((await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "隔离" }, Agent)).Number!))!.Id;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeBook = acme.ServiceProvider.GetRequiredService<WorkflowBook>();

        Assert.Null(await acmeBook.DraftAsync("CONSULT"));
        Assert.Equal([1], (await acmeBook.HistoryAsync("CONSULT")).Select(v => v.Version));
        Assert.Null(await acme.ServiceProvider.GetRequiredService<RequestWorkflow>().StateAsync(demoRequest, Admin));
        Assert.Empty(await acme.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>().WorkflowInstances.Where(i => i.Id == demoRequest).ToListAsync());
    }

    [Fact]
    public async Task OfferAndFireTransitionsThroughTheApi()
    {
        string number;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!;
            number = (await scope.ServiceProvider.GetRequiredService<RequestDesk>()
                .CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "接口" }, Agent)).Number!;
        }

        var client = factory.CreateCookielessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync("demo-erp", "demo-erp-secret"));
        using var offered = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests/{number}/transitions")).Content.ReadAsStringAsync());
        var stamp = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests/{number}")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("request").GetProperty("concurrencyStamp").GetString()!;

        var incomplete = await client.PostAsJsonAsync($"/api/v1/service-requests/{number}/transitions/AnswerAndClose", new { concurrencyStamp = stamp });
        var done = await client.PostAsJsonAsync($"/api/v1/service-requests/{number}/transitions/AnswerAndClose",
            new { values = new { answer = "每半年除垢一次" }, concurrencyStamp = stamp });
        var stale = await client.PostAsJsonAsync($"/api/v1/service-requests/{number}/transitions/Cancel", new { concurrencyStamp = stamp });
        var missing = await client.GetAsync("/api/v1/service-requests/SR-19990101-0001/transitions");

        var answer = offered.RootElement.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "AnswerAndClose");
        Assert.Equal("answer", answer.GetProperty("fields")[0].GetProperty("key").GetString());
        Http.AssertProblem(incomplete, HttpStatusCode.BadRequest);
        Assert.Contains("answer", await incomplete.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await using var check = await factory.TenantScopeAsync("demo");
        Assert.Equal(RequestStatuses.Closed, (await check.ServiceProvider.GetRequiredService<RequestDesk>().GetAsync(number))!.Status);
    }

    [Fact]
    public async Task ExportAVersionAndImportItBackAsADraft()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "admin@demo.example");
        var export = await browser.GetAsync("/t/demo/admin/workflows/RMA/export?version=1");
        var json = await export.Content.ReadAsStringAsync();
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        var forbidden = await agent.GetAsync("/t/demo/admin/workflows/RMA/export?version=1");

        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<WorkflowBook>();
        var imported = await book.ImportAsync(json, "Admin");
        var again = await book.ImportAsync(json, "Admin");
        var broken = await book.ImportAsync("""{ "schema": "aftersales.workflow/1", "key": "X", "statuses": 3 }""", "Admin");
        var renamed = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        renamed["key"] = "rma mine";
        var badKey = await book.ImportAsync(renamed.ToJsonString(), "Admin");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.Equal((WorkflowImportStatus.Imported, "RMA", 2), (imported.Status, imported.Key, imported.Version));
        Assert.Equal(WorkflowImportStatus.DraftOpen, again.Status);
        Assert.Equal(WorkflowImportStatus.Invalid, broken.Status);
        Assert.NotEmpty(broken.Errors!);
        Assert.Equal(WorkflowImportStatus.InvalidKey, badKey.Status);
        var (draft, _) = (await book.DraftAsync("RMA"))!.Value;
        Assert.Empty(AfterSales.Workflows.Versioning.DefinitionDiff.Between((await book.FindAsync("RMA", 1))!, draft));
    }
}

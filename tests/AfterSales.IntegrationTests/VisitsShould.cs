using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using AfterSales.Modules.Workflow;
using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Return visits on the host: the workflow creates one pending visit, the service desk's answers close or reopen the request through
/// the workflow, the customer's link works once and only for its own tenant, engineers and other tenants are kept out.
/// </summary>
public sealed class VisitsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Dispatcher = new("dispatcher-id", "Dispatcher", new HashSet<string> { Roles.Dispatcher });
    private static readonly VisitAnswers Happy = new() { Solved = true, Overcharged = false, Satisfaction = 4, Comment = "师傅很专业" };
    private static readonly VisitAnswers Unhappy = new() { Solved = false, Overcharged = false, Satisfaction = 2 };

    [Fact]
    public async Task CreateOnePendingVisitWhenTheReturnVisitStartsEvenIfTheActionRunsTwice()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var number = await InReturnVisitAsync(scope, "Pending visit");
        var request = (await Desk(scope).GetAsync(number))!;

        // The action once more, in a unit of work of its own, as the timer and the button at once would run it.
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var tracked = await db.ServiceRequests.SingleAsync(r => r.Number == number);
        await new ReturnVisitCreation().HandleAsync(new RequestActionContext(db, tracked, new CreateReturnVisitAction(), "ReturnVisitDue",
            new Dictionary<string, object?>(), RequestActor.System, DateTimeOffset.UtcNow, new LocalizedText("回访", "Return visit")), CancellationToken.None);
        await db.SaveChangesAsync();
        var visits = await Visits(scope).ForRequestAsync(request.Id);
        var listed = await Visits(scope).ListAsync(new VisitQuery(Pending: true, Take: 100));

        var visit = Assert.Single(visits);
        Assert.Equal((ReturnVisitStatus.Pending, 1), (visit.Status, visit.Attempt));
        Assert.True(visit.DueAt > visit.CreatedAt);
        Assert.Equal("ReturnVisit", request.Status);
        Assert.Contains(await Desk(scope).TimelineAsync(request.Id), e => e.Kind == RequestEventKind.ReturnVisitDue);
        Assert.Contains(listed.Items, r => r.Number == number && r.ContactPhone == request.ContactPhone);
    }

    [Fact]
    public async Task CloseTheRequestWhenTheCustomerIsSatisfied()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var number = await InReturnVisitAsync(scope, "Satisfied customer");
        var request = (await Desk(scope).GetAsync(number))!;
        var pending = (await Visits(scope).ForRequestAsync(request.Id)).Single();

        var outcome = await Visits(scope).RecordAsync(pending.Id, Happy, pending.ConcurrencyStamp, request.ConcurrencyStamp, Agent);
        var after = (await Desk(scope).GetAsync(number))!;
        var visit = (await Visits(scope).ForRequestAsync(request.Id)).Single();
        var done = await Visits(scope).ListAsync(new VisitQuery(Pending: false, Satisfied: true, Take: 100));

        Assert.Equal((VisitRecordStatus.Recorded, "Close"), (outcome.Status, outcome.Step));
        Assert.Equal("Closed", after.Status);
        Assert.NotNull(after.ClosedAt);
        Assert.Equal((ReturnVisitStatus.Done, ReturnVisitChannel.Phone, true, false, 4, true), (visit.Status, visit.Channel!.Value, visit.Solved!.Value, visit.Overcharged!.Value, visit.Satisfaction!.Value, visit.Satisfied!.Value));
        Assert.Equal(("师傅很专业", "Agent", "agent-id"), (visit.Comment, visit.RecordedBy, visit.RecordedById));
        Assert.Contains(await Desk(scope).TimelineAsync(request.Id), e => e is { Kind: RequestEventKind.StatusChanged, ToStatus: "Closed", By: "Agent" } && e.Text!.Contains("4/5", StringComparison.Ordinal));
        Assert.Contains(done.Items, r => r.Number == number);
        Assert.NotNull(done.AverageSatisfaction);
        Assert.DoesNotContain((await Visits(scope).ListAsync(new VisitQuery(Pending: true, Take: 100))).Items, r => r.Number == number);
    }

    [Fact]
    public async Task ReopenToAssignmentWithoutTheEngineerWhenTheCustomerIsNotSatisfiedAndVisitAgainAfterTheNextRepair()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var number = await InReturnVisitAsync(scope, "Unhappy customer");
        var request = (await Desk(scope).GetAsync(number))!;
        var pending = (await Visits(scope).ForRequestAsync(request.Id)).Single();
        Assert.NotNull(request.AssigneeId);

        var invalid = await Visits(scope).RecordAsync(pending.Id, new VisitAnswers { Solved = true }, pending.ConcurrencyStamp, request.ConcurrencyStamp, Agent);
        var stale = await Visits(scope).RecordAsync(pending.Id, Unhappy, pending.ConcurrencyStamp, "old", Agent);
        var outcome = await Visits(scope).RecordAsync(pending.Id, Unhappy, pending.ConcurrencyStamp, request.ConcurrencyStamp, Agent);
        var again = await Visits(scope).RecordAsync(pending.Id, Happy, pending.ConcurrencyStamp, (await Desk(scope).GetAsync(number))!.ConcurrencyStamp, Agent);
        var after = (await Desk(scope).GetAsync(number))!;

        Assert.Equal(VisitRecordStatus.Invalid, invalid.Status);
        Assert.Equal(["Overcharged", "Satisfaction"], invalid.Errors!.Keys.Order());
        Assert.Equal(VisitRecordStatus.Conflict, stale.Status);
        Assert.Equal((VisitRecordStatus.Recorded, "Reopen"), (outcome.Status, outcome.Step));
        Assert.Equal(VisitRecordStatus.AlreadyAnswered, again.Status);
        Assert.Equal("WaitingForAssignment", after.Status);
        Assert.Null(after.AssigneeId);
        Assert.False((await Visits(scope).ForRequestAsync(request.Id)).Single().Satisfied);

        await MoveAsync(scope, number, "Assign", Dispatcher, await EngineerAsync(scope));
        await MoveAsync(scope, number, "Process", Dispatcher);
        await MoveAsync(scope, number, "StartReturnVisit", Agent);
        var visits = await Visits(scope).ForRequestAsync(request.Id);

        Assert.Equal([(2, ReturnVisitStatus.Pending), (1, ReturnVisitStatus.Done)], visits.Select(v => (v.Attempt, v.Status)));
    }

    [Fact]
    public async Task RefuseTheEngineerAndTheAssigneeAndOpenTheListToTheServiceDeskOnly()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var number = await InReturnVisitAsync(scope, "Engineer refused");
        var request = (await Desk(scope).GetAsync(number))!;
        var pending = (await Visits(scope).ForRequestAsync(request.Id)).Single();
        var engineer = new RequestActor(request.AssigneeId, "Engineer", new HashSet<string> { Roles.Engineer });
        var assigneeAtDesk = new RequestActor(request.AssigneeId, "Engineer", new HashSet<string> { Roles.Engineer, Roles.Agent });

        var byEngineer = await Visits(scope).RecordAsync(pending.Id, Happy, pending.ConcurrencyStamp, request.ConcurrencyStamp, engineer);
        var byAssignee = await Visits(scope).RecordAsync(pending.Id, Happy, pending.ConcurrencyStamp, request.ConcurrencyStamp, assigneeAtDesk);
        var linkForEngineer = await Visits(scope).LinkTokenAsync(pending.Id, engineer);
        var engineerBrowser = factory.CreateBrowser();
        await engineerBrowser.LoginAsync("/t/demo", "engineer@demo.example");
        var agentBrowser = factory.CreateBrowser();
        await agentBrowser.LoginAsync("/t/demo", "agent@demo.example");
        var (engineerList, _) = await engineerBrowser.GetPageAsync("/t/demo/visits");
        var (_, engineerRequest) = await engineerBrowser.GetPageAsync($"/t/demo/requests/{number}");
        var (agentList, agentListHtml) = await agentBrowser.GetPageAsync("/t/demo/visits");
        var (_, agentRequest) = await agentBrowser.GetPageAsync($"/t/demo/requests/{number}");

        Assert.Equal(VisitRecordStatus.NotAllowed, byEngineer.Status);
        Assert.Equal(VisitRecordStatus.NotAllowed, byAssignee.Status);
        Assert.Null(linkForEngineer);
        Assert.Equal(ReturnVisitStatus.Pending, (await Visits(scope).ForRequestAsync(request.Id)).Single().Status);
        Assert.NotEqual(HttpStatusCode.OK, engineerList.StatusCode);
        Assert.DoesNotContain("data-testid=\"visit-record\"", engineerRequest, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, agentList.StatusCode);
        Assert.Contains("data-testid=\"visits-grid\"", agentListHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-record\"", agentRequest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LetTheCustomerAnswerOnceThroughTheLinkWithoutSigningIn()
    {
        string number, url, token;
        Guid requestId;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            number = await InReturnVisitAsync(scope, "Answered by link");
            requestId = (await Desk(scope).GetAsync(number))!.Id;
            token = (await Visits(scope).LinkTokenAsync((await Visits(scope).ForRequestAsync(requestId)).Single().Id, Agent))!;
            url = "/t/demo/" + VisitLinkPaths.For(token);
        }

        var customer = factory.CreateBrowser();
        var (opened, form) = await customer.GetPageAsync(url);
        var (posted, thanks) = await customer.PostFormAsync(url, "visit", Answers("true", "false", "5"));
        var (reopened, used) = await customer.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(number, form, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-submit\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-testid=\"visit-thanks\"", thanks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Contains("data-testid=\"visit-refused\"", used, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"visit-submit\"", used, StringComparison.Ordinal);

        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var visit = (await Visits(scope).ForRequestAsync(requestId)).Single();
            var request = (await Desk(scope).GetAsync(number))!;
            var stamp = request.ConcurrencyStamp;
            var second = await Visits(scope).RecordFromLinkAsync(token, Unhappy);

            Assert.Equal((ReturnVisitStatus.Done, ReturnVisitChannel.CustomerLink, 5), (visit.Status, visit.Channel!.Value, visit.Satisfaction!.Value));
            Assert.Equal("Closed", request.Status);
            Assert.Equal(VisitRecordStatus.AlreadyAnswered, second.Status);
            Assert.Equal(stamp, (await Desk(scope).GetAsync(number))!.ConcurrencyStamp);
            Assert.True((await Visits(scope).ForRequestAsync(requestId)).Single().Satisfied);
        }
    }

    [Fact]
    public async Task RefuseAnAlteredAnExpiredOrAnotherTenantsLinkAndChangeNothing()
    {
        string number, token, expired;
        Guid visitId;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            number = await InReturnVisitAsync(scope, "Refused links");
            var request = (await Desk(scope).GetAsync(number))!;
            visitId = (await Visits(scope).ForRequestAsync(request.Id)).Single().Id;
            token = (await Visits(scope).LinkTokenAsync(visitId, Agent))!;
            var tenant = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.Id;
            expired = scope.ServiceProvider.GetRequiredService<VisitLinks>().Issue(tenant, visitId, DateTimeOffset.UtcNow.AddMinutes(-1));
            var middle = token.Length / 2;
            var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

            Assert.Equal(VisitRecordStatus.LinkInvalid, (await Visits(scope).RecordFromLinkAsync(tampered, Happy)).Status);
            Assert.Equal(VisitRecordStatus.LinkExpired, (await Visits(scope).RecordFromLinkAsync(expired, Happy)).Status);
            Assert.Equal(VisitLinkState.Expired, (await Visits(scope).OpenLinkAsync(expired)).State);
        }

        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            Assert.Equal(VisitRecordStatus.LinkInvalid, (await Visits(acme).RecordFromLinkAsync(token, Happy)).Status);
            Assert.Equal(VisitLinkState.Invalid, (await Visits(acme).OpenLinkAsync(token)).State);
        }

        var customer = factory.CreateBrowser();
        var (foreign, foreignHtml) = await customer.GetPageAsync("/t/acme/" + VisitLinkPaths.For(token));
        var (_, expiredHtml) = await customer.GetPageAsync("/t/demo/" + VisitLinkPaths.For(expired));
        var (_, tamperedHtml) = await customer.GetPageAsync("/t/demo/" + VisitLinkPaths.For(token[..^3]));

        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains("data-testid=\"visit-refused\"", foreignHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(number, foreignHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-refused\"", expiredHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-refused\"", tamperedHtml, StringComparison.Ordinal);
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            Assert.Equal(ReturnVisitStatus.Pending, (await Visits(scope).ForRequestAsync((await Desk(scope).GetAsync(number))!.Id)).Single().Status);
            Assert.Equal("ReturnVisit", (await Desk(scope).GetAsync(number))!.Status);
        }
    }

    [Fact]
    public async Task KeepAnotherTenantsVisitsOutOfReach()
    {
        Guid demoVisit, demoRequest;
        string demoRequestStamp, demoVisitStamp;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var number = await InReturnVisitAsync(demo, "Isolated visit");
            var request = (await Desk(demo).GetAsync(number))!;
            var visit = (await Visits(demo).ForRequestAsync(request.Id)).Single();
            (demoVisit, demoRequest, demoRequestStamp, demoVisitStamp) = (visit.Id, request.Id, request.ConcurrencyStamp, visit.ConcurrencyStamp);
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeAgent = new RequestActor("acme-agent", "Acme agent", new HashSet<string> { Roles.Agent });

        Assert.Equal(VisitRecordStatus.NotFound, (await Visits(acme).RecordAsync(demoVisit, Happy, demoVisitStamp, demoRequestStamp, acmeAgent)).Status);
        Assert.Empty(await Visits(acme).ForRequestAsync(demoRequest));
        Assert.Null(await Visits(acme).LinkTokenAsync(demoVisit, Agent));
        Assert.DoesNotContain((await Visits(acme).ListAsync(new VisitQuery(Pending: true, Take: 100))).Items, r => r.Id == demoVisit);
    }

    [Fact]
    public async Task RecordTheAnswersAndSayWhichStepIsMissingWhenTheTenantsWorkflowHasNone()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var book = scope.ServiceProvider.GetRequiredService<WorkflowBook>();
        var (draft, stamp) = (await book.StartDraftAsync("REMOTE", null, "Admin"))!.Value;
        stamp = (await book.SaveDraftAsync(draft with { Transitions = [.. draft.Transitions.Where(t => t.Key != "Reopen")] }, stamp))!;
        Assert.Equal(WorkflowPublishStatus.Published,
            (await book.PublishAsync("REMOTE", stamp, await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().FieldKeysAsync(), "Admin")).Status);
        var number = await InReturnVisitAsync(scope, "No reopen step");
        var request = (await Desk(scope).GetAsync(number))!;
        var pending = (await Visits(scope).ForRequestAsync(request.Id)).Single();

        var outcome = await Visits(scope).RecordAsync(pending.Id, Unhappy, pending.ConcurrencyStamp, request.ConcurrencyStamp, Agent);
        var after = (await Desk(scope).GetAsync(number))!;

        Assert.Equal((VisitRecordStatus.RecordedWithoutStep, "Reopen"), (outcome.Status, outcome.Step));
        Assert.NotNull(outcome.Refusal);
        Assert.Equal("ReturnVisit", after.Status);
        Assert.Equal(ReturnVisitStatus.Done, (await Visits(scope).ForRequestAsync(request.Id)).Single().Status);
        Assert.Contains(await Desk(scope).TimelineAsync(request.Id), e => e.Kind == RequestEventKind.Comment && e.Text!.Contains("2/5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DropAVisitTheCustomerCannotBeReachedForAndStopItsLink()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var number = await InReturnVisitAsync(scope, "Unreachable");
        var request = (await Desk(scope).GetAsync(number))!;
        var pending = (await Visits(scope).ForRequestAsync(request.Id)).Single();
        var token = (await Visits(scope).LinkTokenAsync(pending.Id, Agent))!;
        var engineer = new RequestActor(request.AssigneeId, "Engineer", new HashSet<string> { Roles.Engineer });

        var byEngineer = await Visits(scope).CancelAsync(pending.Id, pending.ConcurrencyStamp, engineer);
        var stale = await Visits(scope).CancelAsync(pending.Id, "old", Agent);
        var cancelled = await Visits(scope).CancelAsync(pending.Id, pending.ConcurrencyStamp, Agent);
        var visit = (await Visits(scope).ForRequestAsync(request.Id)).Single();

        Assert.Equal(VisitRecordStatus.NotAllowed, byEngineer.Status);
        Assert.Equal(VisitRecordStatus.Conflict, stale.Status);
        Assert.Equal(VisitRecordStatus.Cancelled, cancelled.Status);
        Assert.Equal((ReturnVisitStatus.Cancelled, "Agent"), (visit.Status, visit.RecordedBy));
        Assert.Equal("ReturnVisit", (await Desk(scope).GetAsync(number))!.Status);
        Assert.Equal(VisitRecordStatus.AlreadyAnswered, (await Visits(scope).RecordFromLinkAsync(token, Happy)).Status);
        Assert.Null(await Visits(scope).LinkTokenAsync(pending.Id, Agent));
    }

    [Fact]
    public async Task FillTheReturnVisitLinkPlaceholderOfANotificationWithTheCustomersLink()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var saved = await scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Notifications.NotificationBook>().SaveTemplateAsync(new AfterSales.Modules.Notifications.TemplateInput
        {
            Key = "visit.customerLink", SubjectZh = "{{number}} 回访", SubjectEn = "{{number}} return visit", BodyZh = "请评价：{{returnVisitLink}}", BodyEn = "Rate us: {{returnVisitLink}}",
        }, null);
        Assert.Equal(AfterSales.Modules.Notifications.NotificationSaveStatus.Saved, saved.Status);
        var number = await InReturnVisitAsync(scope, "Link by mail");
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var request = await db.ServiceRequests.SingleAsync(r => r.Number == number);
        var notify = new NotifyAction { Recipients = [Recipient.OfRole(Roles.Agent)], Template = "visit.customerLink" };

        await scope.ServiceProvider.GetServices<IRequestActionHandler>().Single(h => h.CanHandle(notify)).HandleAsync(new RequestActionContext(db, request, notify,
            "StartReturnVisit", new Dictionary<string, object?>(), Agent, DateTimeOffset.UtcNow, new LocalizedText("回访", "Return visit")), CancellationToken.None);
        await db.SaveChangesAsync();
        var body = (await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.RequestNumber == number && m.TemplateKey == "visit.customerLink")).Body;
        var path = body[body.IndexOf("/t/demo/portal/visit/", StringComparison.Ordinal)..].Trim();

        Assert.True((await Visits(scope).OpenLinkAsync(Uri.UnescapeDataString(path.Split('/')[^1]))).CanAnswer);
    }

    private static Dictionary<string, string> Answers(string solved, string overcharged, string satisfaction) => new()
    {
        ["Input.Solved"] = solved,
        ["Input.Overcharged"] = overcharged,
        ["Input.Satisfaction"] = satisfaction,
        ["Input.Comment"] = "",
    };

    private static RequestDesk Desk(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<RequestDesk>();

    private static ReturnVisits Visits(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ReturnVisits>();

    private static async Task<string> EngineerAsync(AsyncServiceScope scope) =>
        (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().InRoleAsync(Roles.Engineer))[0].UserId;

    // A remote-support request taken, assigned, processed and in its return visit: the default loop of seed 001.
    private static async Task<string> InReturnVisitAsync(AsyncServiceScope scope, string subject)
    {
        var tenant = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.Identifier;
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("REMOTE"))!.Id;
        var created = await Desk(scope).CreateAsync(new RequestInput
        {
            ServiceTypeId = type, CustomerCode = tenant == "demo" ? "C1001" : "AC-501", Subject = subject, ContactName = "王先生", ContactPhone = "13800138000",
        }, Agent);
        Assert.Equal(RequestSaveStatus.Saved, created.Status);
        await MoveAsync(scope, created.Number!, "Assign", Dispatcher, await EngineerAsync(scope));
        await MoveAsync(scope, created.Number!, "Process", Dispatcher);
        await MoveAsync(scope, created.Number!, "StartReturnVisit", Agent);
        return created.Number!;
    }

    private static async Task MoveAsync(AsyncServiceScope scope, string number, string transition, RequestActor actor, string? assignee = null)
    {
        var values = new Dictionary<string, string?>();
        if (assignee is not null)
        {
            values[TransitionForm.AssigneeField] = assignee;
        }

        var fired = await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().FireAsync(number, transition, values, null,
            (await Desk(scope).GetAsync(number))!.ConcurrencyStamp, actor);
        Assert.Equal(ActionStatus.Done, fired.Status);
    }
}

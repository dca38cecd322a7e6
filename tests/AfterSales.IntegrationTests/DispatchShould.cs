using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Workflow;
using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Dispatch end to end on the host: the workflow's "assign by rules" with a rule set, the tester's reasons per engineer, the
/// board's assignments through the workflow, an engineer's decline, the round-robin turn under concurrency, isolation and roles.
/// </summary>
public sealed class DispatchShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Dispatcher = new("dispatcher-id", "Dispatcher", new HashSet<string> { Roles.Dispatcher });

    [Fact]
    public async Task AssignByTheRulesOfTheSetAWorkflowTransitionNamesAndPutItOnTheTimeline()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "acme");
        var rules = scope.ServiceProvider.GetRequiredService<AssignmentRules>();
        await rules.SaveAsync(null, new RuleInput { Name = "Field first", RuleSet = "field", EngineerIds = [first] }, null);
        await rules.SaveAsync(null, new RuleInput { Name = "Desk", RuleSet = "desk", EngineerIds = [second] }, null);
        await PublishAutoAssignAsync(scope, "CONSULT", "desk");
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();

        var number = await NewRequestAsync(scope, "CONSULT", "By the desk set");
        var fired = await workflow.FireAsync(number, "AutoAssign", new Dictionary<string, string?>(), null, (await desk.GetAsync(number))!.ConcurrencyStamp, Dispatcher);
        var request = (await desk.GetAsync(number))!;
        var timeline = await desk.TimelineAsync(request.Id);
        var secondName = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().FindAsync(second))!.Name;

        Assert.Equal(ActionStatus.Done, fired.Status);
        Assert.Equal((second, "Assigned"), (request.AssigneeId, request.Status));
        Assert.Contains(timeline, e => e.Kind == RequestEventKind.Assigned && e.Text == secondName && e.By == "Dispatcher");
    }

    [Fact]
    public async Task ExplainForEachEngineerWhyTheRuleDidOrDidNotChooseThem()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
        var profiles = scope.ServiceProvider.GetRequiredService<EngineerProfiles>();
        var decider = scope.ServiceProvider.GetRequiredService<AssignmentDecider>();
        var rules = scope.ServiceProvider.GetRequiredService<AssignmentRules>();
        var onsite = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!.Id;
        var remote = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("REMOTE"))!.Id;
        // The first engineer is off two days from now; the second only does remote support.
        var visit = decider.Today.AddDays(2);
        var allWeek = EngineerDays.Week.ToList();
        Assert.Equal(DispatchSaveStatus.Saved, (await profiles.SaveAsync(first, new ProfileInput { WorkingDays = [.. allWeek.Where(d => d != visit.DayOfWeek)], CapacityPerDay = EngineerProfile.MaxCapacity }, null)).Status);
        Assert.Equal(DispatchSaveStatus.Saved, (await profiles.SaveAsync(second, new ProfileInput { ServiceTypeIds = [remote], WorkingDays = allWeek, CapacityPerDay = 3 }, null)).Status);
        var invalid = await profiles.SaveAsync(first, new ProfileInput { WorkingDays = [], CapacityPerDay = 0, Regions = [new string('x', 65)] }, null);
        var stale = await profiles.SaveAsync(first, new ProfileInput { WorkingDays = allWeek, CapacityPerDay = 3 }, loadedStamp: null);
        await rules.SaveAsync(null, new RuleInput { Name = "Skilled", Pool = CandidatePool.Skilled, ServiceTypeIds = [onsite, remote] }, null);

        var onsiteLater = await rules.TestAsync(new RequestFacts(onsite, RequestPriority.Normal, null, null, visit));
        var remoteLater = await rules.TestAsync(new RequestFacts(remote, RequestPriority.Normal, null, null, visit));
        var verdicts = onsiteLater.Verdicts.Single(v => v.Name == "Skilled").Engineers.ToDictionary(e => e.UserId, e => e.Outcome);

        Assert.Equal(["CapacityPerDay", "Regions", "WorkingDays"], invalid.Errors!.Keys.Order());
        Assert.Equal(DispatchSaveStatus.Conflict, stale.Status);
        Assert.Null(onsiteLater.Engineer);
        Assert.Equal(RuleOutcome.NoEngineerAvailable, onsiteLater.Verdicts.Single(v => v.Name == "Skilled").Outcome);
        Assert.Equal(EngineerOutcome.DayOff, verdicts[first]);
        Assert.Equal(EngineerOutcome.LacksServiceType, verdicts[second]);
        Assert.Equal(second, remoteLater.Engineer!.UserId);

        // The tester on a stored request reads its facts; an unknown number is not found.
        var number = await NewRequestAsync(scope, "ONSITE", "Tester by number");
        var byNumber = await rules.TestRequestAsync(number.ToLowerInvariant());
        Assert.Equal(onsite, byNumber!.Value.Facts.ServiceTypeId);
        Assert.Equal(first, byNumber.Value.Decision.Engineer!.UserId);
        Assert.Null(await rules.TestRequestAsync("SR-19990101-0001"));
    }

    [Fact]
    public async Task AssignFromTheBoardThroughTheWorkflowAndTakeRoundRobinTurnsThatAreStored()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
        var board = scope.ServiceProvider.GetRequiredService<DispatchBoard>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        // Consultations are this test's own: no other rule of the tenant takes them, and the engineers have no limits.
        var consult = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!.Id;
        await scope.ServiceProvider.GetRequiredService<EngineerProfiles>().RemoveAsync(first);
        await scope.ServiceProvider.GetRequiredService<EngineerProfiles>().RemoveAsync(second);
        var rule = (await scope.ServiceProvider.GetRequiredService<AssignmentRules>().SaveAsync(null,
            new RuleInput { Name = "Consult turns", ServiceTypeIds = [consult], EngineerIds = [second, first], Strategy = AssignmentStrategy.RoundRobin }, null)).Id!.Value;
        var byHand = await NewRequestAsync(scope, "ONSITE", "Board by hand");
        var complaint = await NewRequestAsync(scope, "COMPLAINT", "Board complaint");
        var turns = new[] { await NewRequestAsync(scope, "CONSULT", "Turn one"), await NewRequestAsync(scope, "CONSULT", "Turn two") };

        var queued = (await board.QueueAsync("Board", RequestSort.Created, true, 50)).Items.Select(r => r.Number).ToList();
        var assigned = await board.AssignAsync(await RefAsync(desk, byHand), first, Dispatcher);
        var needsForm = await board.AssignAsync(await RefAsync(desk, complaint), first, Dispatcher);
        var stale = await board.AssignAsync(await RefAsync(desk, byHand) with { ConcurrencyStamp = "old" }, second, Dispatcher);
        var byAgent = await board.AssignByRulesAsync(await RefAsync(desk, turns[0]), Agent);
        var byRules = new List<BoardAssignment>();
        foreach (var number in turns)
        {
            byRules.Add(await board.AssignByRulesAsync(await RefAsync(desk, number), Dispatcher));
        }

        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var cursor = await db.AssignmentCursors.AsNoTracking().SingleAsync(c => c.RuleId == rule);
        var left = (await board.QueueAsync("Board", RequestSort.Created, true, 50)).Items.Select(r => r.Number).ToList();

        Assert.Contains(byHand, queued);
        Assert.Equal(ActionStatus.Done, assigned.Status);
        Assert.Equal(first, (await desk.GetAsync(byHand))!.AssigneeId);
        Assert.Contains(await desk.TimelineAsync((await desk.GetAsync(byHand))!.Id), e => e.Kind == RequestEventKind.Assigned);
        Assert.Equal("Assign", needsForm.FormNeeded!.Key);
        Assert.Equal(["assigneeId", "complaintCategory"], needsForm.FormNeeded.RequiredFields.Order());
        Assert.Equal(ActionStatus.Conflict, stale.Status);
        Assert.Equal(ActionStatus.NotAllowed, byAgent.Status);
        Assert.All(byRules, r => Assert.Equal(ActionStatus.Done, r.Status));
        Assert.Equal([second, first], byRules.Select(r => r.Engineer!.UserId));
        Assert.Equal([second, first], await Task.WhenAll(turns.Select(async n => (await desk.GetAsync(n))!.AssigneeId!)));
        Assert.Equal(first, cursor.LastUserId);
        Assert.DoesNotContain(byHand, left);
        Assert.Contains(complaint, left);
    }

    [Fact]
    public async Task RefuseTheSecondOfTwoAssignmentsThatTookTheSameRoundRobinTurn()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "acme");
        var rma = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("RMA"))!.Id;
        await scope.ServiceProvider.GetRequiredService<AssignmentRules>().SaveAsync(null,
            new RuleInput { Name = "RMA race", RuleSet = "race", ServiceTypeIds = [rma], EngineerIds = [first, second], Strategy = AssignmentStrategy.RoundRobin }, null);
        var numbers = new[] { await NewRequestAsync(scope, "RMA", "Race one"), await NewRequestAsync(scope, "RMA", "Race two"), await NewRequestAsync(scope, "RMA", "Race three") };
        // A first turn stores the rule's place, so the race below is over an existing row.
        await using (var warmUp = await factory.TenantScopeAsync("acme"))
        {
            var (warmDb, warmRequest) = await LoadAsync(warmUp, numbers[0]);
            await RunRulesAsync(warmUp, warmDb, warmRequest);
            await warmDb.SaveChangesAsync();
        }

        await using var one = await factory.TenantScopeAsync("acme");
        await using var two = await factory.TenantScopeAsync("acme");
        var (dbOne, requestOne) = await LoadAsync(one, numbers[1]);
        var (dbTwo, requestTwo) = await LoadAsync(two, numbers[2]);
        await RunRulesAsync(one, dbOne, requestOne);
        await RunRulesAsync(two, dbTwo, requestTwo);

        await dbOne.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbTwo.SaveChangesAsync());
        Assert.Equal(second, requestOne.AssigneeId);
        Assert.Equal(second, requestTwo.AssigneeId);
    }

    [Fact]
    public async Task LetTheAssigneeDeclineWithAReasonSoTheRequestWaitsForTheDispatcherAgain()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var board = scope.ServiceProvider.GetRequiredService<DispatchBoard>();
        var declines = scope.ServiceProvider.GetRequiredService<RequestDeclines>();
        var number = await NewRequestAsync(scope, "ONSITE", "To decline");
        Assert.Equal(ActionStatus.Done, (await board.AssignAsync(await RefAsync(desk, number), first, Dispatcher)).Status);
        var assigned = (await desk.GetAsync(number))!;
        var engineer = new RequestActor(first, "Engineer", new HashSet<string> { Roles.Engineer });
        var colleague = new RequestActor(second, "Colleague", new HashSet<string> { Roles.Engineer });

        var noReason = await declines.DeclineAsync(assigned.Id, "  ", assigned.ConcurrencyStamp, engineer);
        var notTheirs = await declines.DeclineAsync(assigned.Id, "Not mine", assigned.ConcurrencyStamp, colleague);
        var stale = await declines.DeclineAsync(assigned.Id, "Too far", "old", engineer);
        var declined = await declines.DeclineAsync(assigned.Id, "客户地址不在我的区域", assigned.ConcurrencyStamp, engineer);
        var after = (await desk.GetAsync(number))!;
        var queued = (await desk.SearchAsync(new RequestQuery(RequestView.Unassigned, Search: number))).Items;
        var reassigned = await board.AssignAsync(RequestRef.Of(after), second, Dispatcher);

        Assert.Equal((ActionStatus.Invalid, "Decline.Validation.Reason"), (noReason.Status, noReason.ErrorKey));
        Assert.Equal(ActionStatus.NotAllowed, notTheirs.Status);
        Assert.Equal(ActionStatus.Conflict, stale.Status);
        Assert.Equal(ActionStatus.Done, declined.Status);
        Assert.Null(after.AssigneeId);
        Assert.Contains(await desk.TimelineAsync(after.Id), e => e is { Kind: RequestEventKind.Declined, Text: "客户地址不在我的区域", By: "Engineer", IsPublic: false });
        Assert.Single(queued);
        Assert.False(RequestDeclines.CanDecline(after, engineer));
        Assert.True(RequestDeclines.CanDecline(assigned, engineer));
        Assert.Equal(ActionStatus.Done, reassigned.Status);
        Assert.Equal(second, (await desk.GetAsync(number))!.AssigneeId);
    }

    [Fact]
    public async Task ShowAnotherTenantsEngineerAsNotFoundAndKeepProfilesToTheirTenant()
    {
        string acmeEngineer;
        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            acmeEngineer = (await acme.ServiceProvider.GetRequiredService<IAssigneeDirectory>().InRoleAsync(Roles.Engineer))[0].UserId;
        }

        await using var demo = await factory.TenantScopeAsync("demo");
        var demoEngineer = (await demo.ServiceProvider.GetRequiredService<IAssigneeDirectory>().InRoleAsync(Roles.Engineer))[0].UserId;
        var profiles = demo.ServiceProvider.GetRequiredService<EngineerProfiles>();
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "admin@demo.example");

        var (foreign, _) = await browser.GetPageAsync($"/t/demo/admin/engineers/{acmeEngineer}");
        var (own, html) = await browser.GetPageAsync($"/t/demo/admin/engineers/{demoEngineer}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Engineer", html, StringComparison.Ordinal);
        Assert.Null(await profiles.GetAsync(acmeEngineer));
        Assert.Equal(DispatchSaveStatus.NotFound, (await profiles.SaveAsync(acmeEngineer, new ProfileInput { WorkingDays = [DayOfWeek.Monday], CapacityPerDay = 1 }, null)).Status);
        Assert.DoesNotContain(await profiles.ListAsync(), e => e.UserId == acmeEngineer);
    }

    [Fact]
    public async Task OfferAssignByRulesToDispatchersOfAWaitingRequestAndDeclineToItsAssignee()
    {
        string waiting, assigned;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var engineer = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().InRoleAsync(Roles.Engineer)).Single(e => e.Email == "engineer@demo.example");
            waiting = await NewRequestAsync(scope, "REMOTE", "Page waiting");
            assigned = await NewRequestAsync(scope, "REMOTE", "Page assigned");
            var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
            Assert.Equal(ActionStatus.Done, (await scope.ServiceProvider.GetRequiredService<DispatchBoard>().AssignAsync(await RefAsync(desk, assigned), engineer.UserId, Dispatcher)).Status);
        }

        async Task<(string Waiting, string Assigned)> PagesAsync(string user)
        {
            var browser = factory.CreateBrowser();
            await browser.LoginAsync("/t/demo", user);
            return ((await browser.GetPageAsync($"/t/demo/requests/{waiting}")).Html, (await browser.GetPageAsync($"/t/demo/requests/{assigned}")).Html);
        }

        var dispatcher = await PagesAsync("dispatcher@demo.example");
        var agent = await PagesAsync("agent@demo.example");
        var engineerPages = await PagesAsync("engineer@demo.example");

        Assert.Contains("data-testid=\"assign-by-rules\"", dispatcher.Waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"assign-by-rules\"", dispatcher.Assigned, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"assign-by-rules\"", agent.Waiting, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"decline\"", engineerPages.Assigned, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"decline\"", engineerPages.Waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"decline\"", dispatcher.Assigned, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dispatcher@demo.example", "/t/demo/dispatch", true)]
    [InlineData("manager@demo.example", "/t/demo/dispatch", true)]
    [InlineData("agent@demo.example", "/t/demo/dispatch", false)]
    [InlineData("engineer@demo.example", "/t/demo/dispatch", false)]
    [InlineData("dispatcher@demo.example", "/t/demo/admin/engineers", true)]
    [InlineData("agent@demo.example", "/t/demo/admin/engineers", false)]
    [InlineData("admin@demo.example", "/t/demo/admin/assignment-rules", true)]
    [InlineData("agent@demo.example", "/t/demo/admin/assignment-rules", false)]
    [InlineData("dispatcher@demo.example", "/t/demo/admin/assignment-rules", false)]
    public async Task OpenDispatchPagesOnlyToTheirRoles(string user, string page, bool allowed)
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", user);

        var response = await browser.GetAsync(page);

        Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK);
    }

    // A new version of the type's workflow with a transition that assigns by the rules of one set.
    private static async Task PublishAutoAssignAsync(AsyncServiceScope scope, string type, string ruleSet)
    {
        var book = scope.ServiceProvider.GetRequiredService<WorkflowBook>();
        var (draft, stamp) = (await book.StartDraftAsync(type, null, "Admin"))!.Value;
        var auto = new TransitionDefinition
        {
            Key = "AutoAssign", From = ["WaitingForAssignment"], To = "Assigned", Label = new("按规则分配", "Assign by rules"), Roles = [Roles.Dispatcher],
            Actions = [new AssignAction { To = AssigneeSource.Rules, Value = ruleSet }],
        };
        stamp = (await book.SaveDraftAsync(draft with { Transitions = [.. draft.Transitions, auto] }, stamp))!;
        var published = await book.PublishAsync(type, stamp, await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().FieldKeysAsync(), "Admin");
        Assert.Equal(WorkflowPublishStatus.Published, published.Status);
    }

    private static async Task<string> NewRequestAsync(AsyncServiceScope scope, string typeCode, string subject)
    {
        var tenant = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.Identifier;
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync(typeCode))!.Id;
        var result = await scope.ServiceProvider.GetRequiredService<RequestDesk>().CreateAsync(
            new RequestInput { ServiceTypeId = type, CustomerCode = tenant == "demo" ? "C1001" : "AC-501", Subject = subject }, Agent);
        Assert.Equal(RequestSaveStatus.Saved, result.Status);
        return result.Number!;
    }

    private static async Task<RequestRef> RefAsync(RequestDesk desk, string number) => RequestRef.Of((await desk.GetAsync(number))!);

    private static async Task<(AfterSales.Host.Data.AppDbContext Db, ServiceRequest Request)> LoadAsync(AsyncServiceScope scope, string number)
    {
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        return (db, await db.ServiceRequests.SingleAsync(r => r.Number == number));
    }

    // The workflow's "assign by rules" in a unit of work of its own, as a transition runs it.
    private static Task RunRulesAsync(AsyncServiceScope scope, AfterSales.Host.Data.AppDbContext db, ServiceRequest request) =>
        scope.ServiceProvider.GetServices<IRequestActionHandler>().OfType<RulesAssignment>().Single().HandleAsync(
            new RequestActionContext(db, request, new AssignAction { To = AssigneeSource.Rules, Value = "race" }, "t", new Dictionary<string, object?>(), Dispatcher,
                DateTimeOffset.UtcNow, new LocalizedText("x", "x")), CancellationToken.None);
}

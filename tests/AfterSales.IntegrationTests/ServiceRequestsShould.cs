using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Service types and requests: numbering, what a request takes from its unit, the closed loop, conflicts and isolation.</summary>
public sealed class ServiceRequestsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Manager = new("manager-id", "Manager", new HashSet<string> { Roles.Manager });

    [Fact]
    public async Task GiveEveryTenantTheFiveServiceTypesOfSeed002()
    {
        foreach (var tenant in new[] { "demo", "acme" })
        {
            var tenantId = (await factory.TenantAsync(tenant)).Id;
            await using var scope = await factory.TenantScopeAsync(tenant);
            var types = await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync();

            Assert.Equal(["CONSULT", "REMOTE", "ONSITE", "RMA", "COMPLAINT"], types.Select(t => t.Code));
            Assert.All(types, t => Assert.Equal(tenantId, t.TenantId));
        }
    }

    [Fact]
    public async Task TakeTheUnitsModelWarrantyOwnerAndAgreement()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var onSite = await TypeAsync(scope, "ONSITE");

        var saved = await desk.CreateAsync(new RequestInput { ServiceTypeId = onSite.Id, SerialNumber = "kt35-2024-0001", Subject = "不制冷" }, Agent);
        var request = (await desk.GetAsync(saved.Number!))!;
        var timeline = await desk.TimelineAsync(request.Id);

        Assert.Equal(RequestSaveStatus.Saved, saved.Status);
        Assert.Matches("^SR-[0-9]{8}-[0-9]{4}$", saved.Number);
        Assert.Equal(("C1001", "KT-35", "InWarranty", "SA-2026-001"), (request.CustomerCode, request.ModelCode, request.WarrantyState, request.AgreementNumber));
        Assert.Equal(RequestStatuses.WaitingForAssignment, request.Status);
        Assert.Equal(("ONSITE", 1, "Waiting for assignment"), (request.WorkflowKey, request.WorkflowVersion, request.StatusName));
        Assert.NotNull(request.DueAt);
        Assert.Equal(RequestEventKind.Created, timeline.Single().Kind);
        Assert.Contains(await desk.CountersAsync(ServiceCounterKind.ProductModel), c => c.Key == "KT-35" && c.Count >= 1);
    }

    [Fact]
    public async Task ExplainWhatIsWrongWithARequest()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var onSite = await TypeAsync(scope, "ONSITE");

        var empty = await desk.CreateAsync(new RequestInput(), Agent);
        var unknown = await desk.CreateAsync(new RequestInput { ServiceTypeId = onSite.Id, CustomerCode = "NOBODY", SerialNumber = "NO-SUCH", Subject = "x" }, Agent);
        var otherOwner = await desk.CreateAsync(new RequestInput { ServiceTypeId = onSite.Id, CustomerCode = "C1002", SerialNumber = "KT35-2024-0001", Subject = "x" }, Agent);

        Assert.Equal(["CustomerCode", "ServiceTypeId", "Subject"], empty.Errors!.Keys.Order());
        Assert.Equal(("Validation.CustomerUnknown", "Validation.SerialUnknown"), (unknown.Errors!["CustomerCode"], unknown.Errors["SerialNumber"]));
        Assert.Equal("Validation.SerialOfAnotherCustomer", otherOwner.Errors!["SerialNumber"]);
    }

    [Fact]
    public async Task NumberRequestsTakenAtOnceWithoutGapsOrTwins()
    {
        Guid typeId;
        await using (var scope = await factory.TenantScopeAsync("acme"))
        {
            typeId = (await TypeAsync(scope, "CONSULT")).Id;
        }

        var numbers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            await using var scope = await factory.TenantScopeAsync("acme");
            var result = await scope.ServiceProvider.GetRequiredService<RequestDesk>()
                .CreateAsync(new RequestInput { ServiceTypeId = typeId, ContactPhone = "13800000000", Subject = $"Question {i}" }, Agent);
            return result.Number!;
        }));

        var sequence = numbers.Select(n => int.Parse(n[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(numbers.Length, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(sequence[0], numbers.Length), sequence);
    }

    [Fact]
    public async Task GoRoundTheClosedLoopAndLockAfterTwoFailedVisits()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var engineer = (await desk.EngineersAsync()).First();
        var asEngineer = new RequestActor(engineer.UserId, engineer.Name, new HashSet<string> { Roles.Engineer });
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = (await TypeAsync(scope, "ONSITE")).Id, CustomerCode = "C1003", Subject = "漏水" }, Agent)).Number!;
        var assign = new Dictionary<string, string?> { ["assigneeId"] = engineer.UserId };

        async Task<TransitionOutcome> Do(string transition, RequestActor actor, Dictionary<string, string?>? values = null) =>
            await workflow.FireAsync(number, transition, values ?? [], null, (await desk.GetAsync(number))!.ConcurrencyStamp, actor);

        Assert.Equal(ActionStatus.NotAllowed, (await Do("Assign", asEngineer, assign)).Status);
        Assert.Equal("field.option", (await Do("Assign", Agent, new() { ["assigneeId"] = "no-such-user" })).FieldErrors!.Single().Code.ToLowerInvariant());
        Assert.Equal(ActionStatus.Done, (await Do("Assign", Agent, assign)).Status);
        // The first failed visit goes back to assignment; "fail and lock" only opens on the second.
        Assert.Equal(ActionStatus.NotAllowed, (await Do("FailAndLock", asEngineer)).Status);
        Assert.Equal(ActionStatus.Done, (await Do("Fail", asEngineer)).Status);
        Assert.Equal(RequestStatuses.WaitingForAssignment, (await desk.GetAsync(number))!.Status);
        await Do("Assign", Agent, assign);
        Assert.Equal(ActionStatus.NotAllowed, (await Do("Fail", asEngineer)).Status);
        Assert.Equal(ActionStatus.Done, (await Do("FailAndLock", asEngineer)).Status);
        var locked = (await desk.GetAsync(number))!;
        Assert.Equal((RequestStatuses.Locked, true), (locked.Status, locked.IsLocked));
        Assert.Equal(ActionStatus.NotAllowed, (await Do("Unlock", Agent)).Status);
        Assert.Equal(ActionStatus.Done, (await Do("ManagerAssign", Manager, assign)).Status);
        Assert.False((await desk.GetAsync(number))!.IsLocked);
        var repair = await FillAsync(workflow, locked.Id, "Process", asEngineer);
        Assert.Equal(ActionStatus.Done, (await Do("Process", asEngineer, repair)).Status);
        Assert.Equal(ActionStatus.Done, (await Do("StartReturnVisit", Agent)).Status);
        Assert.Equal(ActionStatus.Done, (await Do("Close", Agent)).Status);

        var request = (await desk.GetAsync(number))!;
        var timeline = await desk.TimelineAsync(request.Id);
        Assert.Equal(RequestStatuses.Closed, request.Status);
        Assert.NotNull(request.ClosedAt);
        Assert.Equal(2, request.FailedAttempts);
        Assert.Equal(3, timeline.Count(e => e.Kind == RequestEventKind.Assigned));
        Assert.Single(timeline, e => e.Kind == RequestEventKind.Locked && e.Text == "attemptsExhausted");
        Assert.Equal("Locked", timeline.Single(e => e.ToStatus == RequestStatuses.Locked && e.Kind == RequestEventKind.StatusChanged).ToStatusName);
        // The repair record's fields are on the timeline, by label.
        Assert.Contains("Measures taken: ", timeline.Single(e => e.ToStatus == RequestStatuses.Processed).Details);
        Assert.Single(timeline, e => e.Kind == RequestEventKind.ReturnVisitDue);
    }

    [Fact]
    public async Task AskForTheFieldsATransitionRequires()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var engineer = (await desk.EngineersAsync()).First();
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = (await TypeAsync(scope, "COMPLAINT")).Id, CustomerCode = "C1002", Subject = "迟到" }, Agent)).Number!;
        var request = (await desk.GetAsync(number))!;
        var assign = (await workflow.StateAsync(request.Id, Agent))!.Transitions.Single(t => t.Key == "Assign");

        var form = await workflow.FormAsync(request.Id, assign);
        var missing = await workflow.FireAsync(number, "Assign", new Dictionary<string, string?> { ["assigneeId"] = engineer.UserId }, null, request.ConcurrencyStamp, Agent);
        var filled = await workflow.FireAsync(number, "Assign", await FillAsync(workflow, request.Id, "Assign", Agent), "先电话致歉", request.ConcurrencyStamp, Agent);

        Assert.Equal(["assigneeId", "complaintCategory"], form.Fields.Select(f => f.Key));
        Assert.All(form.Fields, f => Assert.True(f.Required));
        Assert.NotEmpty(form.Fields.Last().Options);
        Assert.Equal(ActionStatus.Invalid, missing.Status);
        Assert.Equal("complaintCategory", missing.FieldErrors!.Single().Key);
        Assert.Equal(ActionStatus.Done, filled.Status);
        var change = (await desk.TimelineAsync(request.Id)).Single(e => e.Kind == RequestEventKind.StatusChanged);
        Assert.Equal(("先电话致歉", "Waiting for assignment", "Assigned"), (change.Text, change.FromStatusName, change.ToStatusName));
        Assert.Contains("Complaint category: ", change.Details);
    }

    [Fact]
    public async Task TellTheSecondOfTwoUsersThatTheRequestChanged()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = (await TypeAsync(scope, "REMOTE")).Id, CustomerCode = "C1004", Subject = "无法联网" }, Agent)).Number!;
        var seen = (await desk.GetAsync(number))!.ConcurrencyStamp;

        var first = await workflow.FireAsync(number, "Hold", new Dictionary<string, string?>(), "等待客户回复", seen, Agent);
        var second = await workflow.FireAsync(number, "Cancel", new Dictionary<string, string?>(), null, seen, Agent);

        Assert.Equal(ActionStatus.Done, first.Status);
        Assert.Equal(ActionStatus.Conflict, second.Status);
        Assert.Equal(RequestStatuses.OnHold, (await desk.GetAsync(number))!.Status);
    }

    [Fact]
    public async Task LetExactlyOneOfTwoSimultaneousTransitionsWin()
    {
        string number;
        string seen;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
            number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = (await TypeAsync(scope, "REMOTE")).Id, CustomerCode = "C1004", Subject = "并发" }, Agent)).Number!;
            seen = (await desk.GetAsync(number))!.ConcurrencyStamp;
        }

        var outcomes = await Task.WhenAll(new[] { "Hold", "Cancel", "Hold", "Cancel" }.Select(async transition =>
        {
            await using var scope = await factory.TenantScopeAsync("demo");
            return (transition, (await scope.ServiceProvider.GetRequiredService<RequestWorkflow>()
                .FireAsync(number, transition, new Dictionary<string, string?>(), null, seen, Agent)).Status);
        }));

        var winner = Assert.Single(outcomes, o => o.Status == ActionStatus.Done);
        Assert.All(outcomes.Where(o => o != winner), o => Assert.Equal(ActionStatus.Conflict, o.Status));
        await using var check = await factory.TenantScopeAsync("demo");
        var request = (await check.ServiceProvider.GetRequiredService<RequestDesk>().GetAsync(number))!;
        Assert.Equal(winner.transition == "Hold" ? RequestStatuses.OnHold : RequestStatuses.Cancelled, request.Status);
        Assert.Single(await check.ServiceProvider.GetRequiredService<RequestDesk>().TimelineAsync(request.Id), e => e.Kind == RequestEventKind.StatusChanged);
    }

    [Fact]
    public async Task ListAndFindOpenDuplicatesOfTheSameUnit()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var typeId = (await TypeAsync(scope, "ONSITE")).Id;
        var first = (await desk.CreateAsync(new RequestInput { ServiceTypeId = typeId, SerialNumber = "RS200-0002", Subject = "不出热水" }, Agent)).Number!;

        var duplicates = await desk.OpenDuplicatesAsync(null, "rs200-0002");
        var unassigned = await desk.SearchAsync(new RequestQuery(RequestView.Unassigned, Search: "RS200-0002"));
        var comment = await desk.CommentAsync(first, "已电话联系", isPublic: false, Agent);
        var timeline = await desk.TimelineAsync((await desk.GetAsync(first))!.Id, publicOnly: true);

        Assert.Equal([first], duplicates.Select(r => r.Number));
        Assert.Equal([first], unassigned.Items.Select(r => r.Number));
        Assert.Equal("C1005", (await desk.GetAsync(first))!.CustomerCode);
        Assert.Equal(ActionStatus.Done, comment.Status);
        Assert.DoesNotContain(timeline, e => e.Text == "已电话联系");
    }

    [Fact]
    public async Task NotShowOrMoveAnotherTenantsRequest()
    {
        string demoNumber;
        Guid demoType;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            demoType = (await TypeAsync(demo, "CONSULT")).Id;
            demoNumber = (await demo.ServiceProvider.GetRequiredService<RequestDesk>()
                .CreateAsync(new RequestInput { ServiceTypeId = demoType, CustomerCode = "C1001", Subject = "咨询" }, Agent)).Number!;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var desk = acme.ServiceProvider.GetRequiredService<RequestDesk>();

        Assert.Null(await desk.GetAsync(demoNumber));
        Assert.Equal(ActionStatus.NotFound, (await acme.ServiceProvider.GetRequiredService<RequestWorkflow>()
            .FireAsync(demoNumber, "Cancel", new Dictionary<string, string?>(), null, "", Manager)).Status);
        Assert.Equal(ActionStatus.NotFound, (await desk.CommentAsync(demoNumber, "hello", true, Manager)).Status);
        Assert.Null(await acme.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().GetAsync(demoType));
        Assert.Equal("Validation.TypeUnknown",
            (await desk.CreateAsync(new RequestInput { ServiceTypeId = demoType, ContactPhone = "1", Subject = "x" }, Agent)).Errors!["ServiceTypeId"]);
        Assert.DoesNotContain((await desk.SearchAsync(new RequestQuery(Take: 100))).Items, r => r.Number == demoNumber);
    }

    [Fact]
    public async Task RetireATypeButKeepItsRequests()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var catalog = scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var created = await catalog.SaveAsync(null, new ServiceTypeInput { Code = "install", NameEn = "Installation", SortOrder = 60 }, null);
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = created.Id!.Value, CustomerCode = "AC-501", Subject = "Install a pump" }, Agent)).Number!;
        var twice = await catalog.SaveAsync(null, new ServiceTypeInput { Code = "INSTALL", NameEn = "Again" }, null);
        var bad = await catalog.SaveAsync(null, new ServiceTypeInput { Code = "9x", Color = "red", SlaHours = 0 }, null);

        await catalog.SetRetiredAsync(created.Id.Value, true);
        var afterRetire = await desk.CreateAsync(new RequestInput { ServiceTypeId = created.Id.Value, CustomerCode = "AC-501", Subject = "Another" }, Agent);

        Assert.Equal("Validation.TypeCodeTaken", twice.Errors!["Code"]);
        Assert.Equal(["Code", "Color", "NameZh", "SlaHours"], bad.Errors!.Keys.Order());
        Assert.Equal("Validation.TypeUnknown", afterRetire.Errors!["ServiceTypeId"]);
        Assert.DoesNotContain(await catalog.ListAsync(), t => t.Code == "INSTALL");
        Assert.Equal("INSTALL", (await desk.GetAsync(number))!.TypeCode);
    }

    [Fact]
    public async Task KeepNestedCategoriesAndCountRequestsPerProblem()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var book = scope.ServiceProvider.GetRequiredService<DictionaryBook>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var electrical = (await book.ListAsync(DictionaryKind.FaultCategory)).Single(e => e.NameEn == "Electrical");

        var added = await book.SaveAsync(null, DictionaryKind.FaultCategory, electrical.Id, "电机", "Motor", 30);
        var twice = await book.SaveAsync(null, DictionaryKind.FaultCategory, electrical.Id, "电机", "", 40);
        var blank = await book.SaveAsync(null, DictionaryKind.FaultCategory, null, " ", null, 0);
        var wrongKindParent = await book.SaveAsync(null, DictionaryKind.Cause, electrical.Id, "x", "x", 0);
        var motor = (await book.ListAsync(DictionaryKind.FaultCategory)).Single(e => e.NameEn == "Motor");
        var typeId = (await TypeAsync(scope, "ONSITE")).Id;
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = typeId, CustomerCode = "AC-501", CategoryId = motor.Id, Subject = "Motor hums" }, Agent)).Number!;
        await book.SetRetiredAsync(electrical.Id, true);
        var afterRetire = await desk.CreateAsync(new RequestInput { ServiceTypeId = typeId, CustomerCode = "AC-501", CategoryId = motor.Id, Subject = "Again" }, Agent);

        Assert.Empty(added!);
        Assert.Equal("Validation.EntryNameTaken", twice!["Name"]);
        Assert.Equal("Validation.EntryNameRequired", blank!["Name"]);
        Assert.Null(wrongKindParent);
        Assert.Equal(electrical.Id, motor.ParentId);
        Assert.Contains(await desk.CountersAsync(ServiceCounterKind.ProblemCategory), c => c.Key == motor.Id.ToString() && c.Count == 1);
        Assert.Equal("Motor", (await desk.GetAsync(number))!.CategoryName);
        Assert.True((await book.ListAsync(DictionaryKind.FaultCategory)).Single(e => e.Id == motor.Id).IsRetired);
        Assert.Equal("Validation.CategoryUnknown", afterRetire.Errors!["CategoryId"]);
    }

    [Fact]
    public async Task KeepEachTenantsListsToItself()
    {
        Guid demoEntry;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            demoEntry = (await demo.ServiceProvider.GetRequiredService<DictionaryBook>().ListAsync(DictionaryKind.Measure)).First().Id;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var book = acme.ServiceProvider.GetRequiredService<DictionaryBook>();

        Assert.DoesNotContain(await book.ListAsync(DictionaryKind.Measure), e => e.Id == demoEntry);
        Assert.Null(await book.SaveAsync(demoEntry, DictionaryKind.Measure, null, "改名", "Renamed", 0));
        Assert.False(await book.SetRetiredAsync(demoEntry, true));
        Assert.Equal("Validation.CategoryUnknown", (await acme.ServiceProvider.GetRequiredService<RequestDesk>()
            .CreateAsync(new RequestInput { ServiceTypeId = (await TypeAsync(acme, "CONSULT")).Id, ContactPhone = "1", CategoryId = demoEntry, Subject = "x" }, Agent))
            .Errors!["CategoryId"]);
    }

    private static async Task<ServiceType> TypeAsync(AsyncServiceScope scope, string code) =>
        (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync(code))!;

    /// <summary>Fills a transition's form as a user would: the first engineer or option, yes, or a sentence.</summary>
    internal static async Task<Dictionary<string, string?>> FillAsync(RequestWorkflow workflow, Guid requestId, string transition, RequestActor actor)
    {
        var available = (await workflow.StateAsync(requestId, actor))!.Transitions.Single(t => t.Key == transition);
        return (await workflow.FormAsync(requestId, available)).Fields.ToDictionary(f => f.Key, f => f.HasOptions ? f.Options.First().Value
            : f.Kind == AfterSales.Modules.Forms.FieldKind.YesNo ? "true"
            : f.IsDate ? DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (string?)"已处理");
    }
}

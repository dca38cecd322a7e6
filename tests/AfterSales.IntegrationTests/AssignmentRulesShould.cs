using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Administration.Users;
using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Workflows.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Ordered assignment rules: matching, round robin and least load, the tester's explanation, the workflow action, isolation.</summary>
public sealed class AssignmentRulesShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task TryRulesInOrderAndExplainWhyEachOneDidOrDidNotTakeTheRequest()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var rules = scope.ServiceProvider.GetRequiredService<AssignmentRules>();
        var (first, second) = await EngineersAsync(scope, "demo");
        var onsite = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!.Id;
        var remote = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("REMOTE"))!.Id;
        await rules.SaveAsync(null, new RuleInput { Name = "Off", IsEnabled = false, EngineerIds = [first] }, null);
        await rules.SaveAsync(null, new RuleInput { Name = "North urgent", Priorities = [RequestPriority.Urgent], Regions = ["华北"], EngineerIds = [second] }, null);
        await rules.SaveAsync(null, new RuleInput { Name = "On-site", ServiceTypeIds = [onsite], EngineerIds = [first, second], Strategy = AssignmentStrategy.RoundRobin }, null);
        var invalid = await rules.SaveAsync(null, new RuleInput { Name = "", EngineerIds = ["nobody"] }, null);

        var urgentNorth = await rules.TestAsync(new RequestFacts(onsite, RequestPriority.Urgent, "华北", null));
        var normal = await rules.TestAsync(new RequestFacts(onsite, RequestPriority.Normal, "华东", null));
        var nobody = await rules.TestAsync(new RequestFacts(remote, RequestPriority.Normal, null, null));

        Assert.Equal(DispatchSaveStatus.Invalid, invalid.Status);
        Assert.Equal(["EngineerIds", "Name"], invalid.Errors!.Keys.Order());
        Assert.Equal((second, "North urgent"), (urgentNorth.Engineer!.UserId, urgentNorth.Rule!.Name));
        Assert.Equal([RuleOutcome.Disabled, RuleOutcome.Chosen, RuleOutcome.NotReached], urgentNorth.Verdicts.Select(v => v.Outcome));
        Assert.Equal([RuleOutcome.Disabled, RuleOutcome.PriorityDiffers, RuleOutcome.Chosen], normal.Verdicts.Select(v => v.Outcome));
        Assert.Null(nobody.Engineer);
        Assert.Equal(RuleOutcome.TypeDiffers, nobody.Verdicts[2].Outcome);
    }

    [Fact]
    public async Task TakeTurnsByRoundRobinWhenTheWorkflowAssignsByRulesAndBalanceByLeastLoad()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var rules = scope.ServiceProvider.GetRequiredService<AssignmentRules>();
        var (first, second) = await EngineersAsync(scope, "acme");
        var rma = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("RMA"))!.Id;
        var consult = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!.Id;
        await rules.SaveAsync(null, new RuleInput { Name = "RMA turns", ServiceTypeIds = [rma], EngineerIds = [first, second], Strategy = AssignmentStrategy.RoundRobin }, null);
        await rules.SaveAsync(null, new RuleInput { Name = "Consult load", ServiceTypeIds = [consult], EngineerIds = [first, second] }, null);

        var turns = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            turns.Add(await AssignByRulesAsync(scope, rma));
        }

        // Least load: the engineer holding fewer open requests now (the seeded one may hold some from the demo data).
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var load = await Workload.OpenCountsAsync(db.ServiceRequests, [first, second], null, CancellationToken.None);
        var lighter = load.GetValueOrDefault(second) < load.GetValueOrDefault(first) ? second : first;
        var balanced = await AssignByRulesAsync(scope, consult);
        var unmatched = await AssignByRulesAsync(scope, (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("COMPLAINT"))!.Id);

        Assert.Equal([first, second, first], turns);
        Assert.Equal(lighter, balanced);
        Assert.Null(unmatched);
    }

    [Fact]
    public async Task KeepRulesToTheirTenant()
    {
        Guid rule;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var (first, _) = await EngineersAsync(demo, "demo");
            rule = (await demo.ServiceProvider.GetRequiredService<AssignmentRules>().SaveAsync(null, new RuleInput { Name = "Demo only", EngineerIds = [first] }, null)).Id!.Value;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeRules = acme.ServiceProvider.GetRequiredService<AssignmentRules>();
        Assert.DoesNotContain(await acmeRules.ListAsync(), r => r.Id == rule);
        Assert.False(await acmeRules.DeleteAsync(rule));
        Assert.False(await acmeRules.MoveAsync(rule, up: true));
        var (acmeEngineer, _) = await EngineersAsync(acme, "acme");
        Assert.Equal(DispatchSaveStatus.NotFound, (await acmeRules.SaveAsync(rule, new RuleInput { Name = "x", EngineerIds = [acmeEngineer] }, null)).Status);

        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync("/t/demo/admin/assignment-rules")).Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync("/t/demo/admin/assignment-rules")).StatusCode);
    }

    // The seeded engineer and a second one, created once per tenant.
    internal static async Task<(string First, string Second)> EngineersAsync(AsyncServiceScope scope, string tenant)
    {
        var staff = scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>();
        if ((await staff.InRoleAsync(Roles.Engineer)).Count < 2)
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new UserAdministration.UserInput($"engineer2@{tenant}.example", "Zz Second Engineer", [Roles.Engineer], AppFactory.Password));
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        }

        var engineers = (await staff.InRoleAsync(Roles.Engineer)).Select(e => e.UserId).Order(StringComparer.Ordinal).ToList();
        return (engineers[0], engineers[1]);
    }

    // A request taken and the workflow's "assign by rules" run in its unit of work, as a transition does.
    private static async Task<string?> AssignByRulesAsync(AsyncServiceScope scope, Guid type)
    {
        var tenant = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.Identifier;
        var number = (await scope.ServiceProvider.GetRequiredService<RequestDesk>().CreateAsync(
            new RequestInput { ServiceTypeId = type, CustomerCode = tenant == "demo" ? "C1001" : "AC-501", Subject = "By rules" }, Agent)).Number!;
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var request = await db.ServiceRequests.SingleAsync(r => r.Number == number);
        var handler = scope.ServiceProvider.GetServices<IRequestActionHandler>().OfType<RulesAssignment>().Single();
        await handler.HandleAsync(new RequestActionContext(db, request, new AssignAction { To = AssigneeSource.Rules }, "t", new Dictionary<string, object?>(), Agent,
            DateTimeOffset.UtcNow, new AfterSales.Workflows.Definitions.LocalizedText("x", "x")), CancellationToken.None);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return request.AssigneeId;
    }
}

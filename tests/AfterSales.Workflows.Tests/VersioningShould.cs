using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Timers;
using AfterSales.Workflows.Versioning;
using static AfterSales.Workflows.Tests.Fixtures;

namespace AfterSales.Workflows.Tests;

public sealed class VersioningShould
{
    private static readonly DateOnly RequestedDate = new(2026, 3, 4);
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = Clock();
    private readonly WorkflowDefinition v1 = DefaultWorkflows.OnSite();

    // Version 2 splits "Processed" into "Resolved" and drops "OnHold".
    private WorkflowDefinition V2()
    {
        var draft = DefinitionPublisher.NewDraft(v1, latestVersion: 1);
        return draft with
        {
            Statuses = [.. draft.Statuses.Where(s => s.Key != "OnHold").Select(s => s.Key == "Processed" ? s with { Key = "Resolved", Name = new("已解决", "Resolved") } : s)],
            Transitions = [.. draft.Transitions.Where(t => t.Key is not ("Hold" or "Resume"))
                .Select(t => t with { From = [.. t.From.Where(f => f != "OnHold").Select(f => f == "Processed" ? "Resolved" : f)], To = t.To == "Processed" ? "Resolved" : t.To })],
            Timers = [.. draft.Timers.Select(t => t.Status == "Processed" ? t with { Status = "Resolved" } : t)],
            SlaClocks = [.. draft.SlaClocks.Select(c => c with { StopsIn = [.. c.StopsIn.Where(s => s != "OnHold").Select(s => s == "Processed" ? "Resolved" : s)] })],
        };
    }

    private WorkflowDefinition PublishedV2()
    {
        var result = new DefinitionPublisher().Publish(V2(), DefaultWorkflows.FieldKeys, WorkflowRoles.All);
        Assert.True(result.Succeeded, result.Report.ToString());
        return result.Published!;
    }

    [Fact]
    public void NumberDraftsAfterTheLatestVersionAndPublishThem()
    {
        var draft = V2();

        Assert.Equal((2, DefinitionState.Draft), (draft.Version, draft.State));
        Assert.Equal(DefinitionState.Published, PublishedV2().State);
        Assert.Throws<ArgumentException>(() => new DefinitionPublisher().Publish(v1));
    }

    [Fact]
    public void RefuseToPublishAnInvalidDraft()
    {
        var broken = V2() with { Statuses = [.. V2().Statuses.Select(s => s with { IsStart = false })] };

        var result = new DefinitionPublisher().Publish(broken);

        Assert.False(result.Succeeded);
        Assert.True(result.Report.Has(Validation.ValidationCodes.NoStartStatus));
    }

    [Fact]
    public async Task NeverOverwriteAPublishedVersionInTheStore()
    {
        var store = new InMemoryWorkflowDefinitionStore();
        await store.SaveAsync(v1);
        await store.SaveAsync(V2());
        await store.SaveAsync(V2() with { Name = new("改", "Edited draft") });

        var published = await new DefinitionPublisher().PublishAsync(store, "ONSITE", 2, DefaultWorkflows.FieldKeys);

        Assert.True(published.Succeeded);
        Assert.Equal(2, (await store.FindPublishedAsync("ONSITE"))!.Version);
        Assert.Equal(2, await store.LatestVersionAsync("ONSITE"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(v1 with { Name = new("改", "Edited") }));
    }

    [Fact]
    public void RequireTheMappingToCoverEveryStatusInUse()
    {
        var plan = MigrationPlan.Suggest(v1, PublishedV2());

        var issues = plan.Check(["WaitingForAssignment", "Processed", "OnHold"]);

        Assert.Equal(["OnHold", "Processed"], issues.Where(i => i.Code == "unmappedStatus").Select(i => i.StatusKey));
        Assert.Empty((plan with { StatusMap = new Dictionary<string, string>(plan.StatusMap) { ["Processed"] = "Resolved", ["OnHold"] = "WaitingForAssignment" } })
            .Check(["WaitingForAssignment", "Processed", "OnHold"]));
    }

    [Fact]
    public void RejectMappingsToUnknownStatusesOrADraft()
    {
        var plan = new MigrationPlan { From = v1, To = V2(), StatusMap = new Dictionary<string, string> { ["Processed"] = "Nowhere", ["Ghost"] = "Assigned" } };

        var codes = plan.Check([]).Select(i => i.Code).ToList();

        Assert.Contains("notPublished", codes);
        Assert.Contains("unknownTargetStatus", codes);
        Assert.Contains("unknownSourceStatus", codes);
    }

    [Fact]
    public void MoveAnInstanceWithTheMappingAndReArmItsTimers()
    {
        var engine = new WorkflowEngine(clock);
        var desk = As(Dispatcher, Request(requestedDate: RequestedDate));
        var instance = engine.Fire(v1, engine.Start(v1, "SR-1", desk).Instance!, "Assign", desk, Form(("assigneeId", "eng-1"))).Instance!;
        var processed = engine.Fire(v1, instance, "Process", desk, Form(("faultCategory", "power"), ("measures", "fuse")));
        var oldTimer = processed.TimerCommands.Single(c => c.Kind == TimerCommandKind.Schedule).Id;
        var v2 = PublishedV2();
        var plan = MigrationPlan.Suggest(v1, v2) with { StatusMap = new Dictionary<string, string>(MigrationPlan.Suggest(v1, v2).StatusMap) { ["Processed"] = "Resolved" } };
        clock.Advance(TimeSpan.FromHours(1));

        var migrated = new InstanceMigrator(clock).Migrate(plan, processed.Instance!, As(Manager));

        var moved = migrated.Instance!;
        Assert.Equal((2, "Resolved", processed.Instance!.Version + 1), (moved.DefinitionVersion, moved.Status, moved.Version));
        Assert.Equal(processed.Instance.Variables, moved.Variables);
        Assert.Equal(HistoryKind.Migrated, migrated.History!.Kind);
        Assert.Contains(TimerCommand.Cancel(oldTimer), migrated.TimerCommands);
        var rearmed = migrated.TimerCommands.Single(c => c.Kind == TimerCommandKind.Schedule);
        Assert.Equal(("returnVisitDue", 2), (rearmed.Id.TimerKey, rearmed.Id.Generation));
        Assert.Empty(migrated.Actions);

        Assert.True(engine.Fire(v2, moved, "StartReturnVisit", desk).Succeeded);
        Assert.Equal(RefusalReason.DefinitionMismatch, engine.Fire(v1, moved, "StartReturnVisit", desk).Refusal!.Reason);
    }

    [Fact]
    public void KeepTimersTheNewVersionArmsTheSameWay()
    {
        var engine = new WorkflowEngine(clock);
        var desk = As(Dispatcher, Request(requestedDate: RequestedDate));
        var started = engine.Start(v1, "SR-1", desk);
        var plan = MigrationPlan.Suggest(v1, PublishedV2());

        var migrated = new InstanceMigrator(clock).Migrate(plan, started.Instance!, As(Manager));

        Assert.Empty(migrated.TimerCommands);
        Assert.Equal(started.Instance!.Timers, migrated.Instance!.Timers);
        Assert.Equal(started.Instance.StatusEnteredAt, migrated.Instance.StatusEnteredAt);
    }

    [Fact]
    public void LeaveInstancesThatAreNotMovedOnTheirVersion()
    {
        var engine = new WorkflowEngine(clock);
        var held = engine.Fire(v1, engine.Start(v1, "SR-9", As(Dispatcher)).Instance!, "Hold", As(Dispatcher)).Instance!;
        var plan = MigrationPlan.Suggest(v1, PublishedV2());

        var refused = new InstanceMigrator(clock).Migrate(plan, held, As(Manager));

        Assert.False(refused.Succeeded);
        Assert.Equal("workflow.migration.unmappedStatus", refused.Refusal!.Message.Code);
        Assert.Equal(1, held.DefinitionVersion);
        Assert.True(engine.Fire(v1, held, "Resume", As(Dispatcher)).Succeeded);
    }
}

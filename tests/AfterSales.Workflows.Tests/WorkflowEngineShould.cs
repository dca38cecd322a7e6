using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using static AfterSales.Workflows.Tests.Fixtures;

namespace AfterSales.Workflows.Tests;

public sealed class WorkflowEngineShould
{
    private readonly WorkflowEngine engine = new(Clock());
    private readonly WorkflowDefinition onSite = DefaultWorkflows.OnSite();

    private WorkflowInstance Start(WorkflowDefinition definition) => engine.Start(definition, "SR-1", As(Dispatcher)).Instance!;

    private WorkflowInstance Assigned(string engineer = "eng-1")
    {
        var result = engine.Fire(onSite, Start(onSite), "Assign", As(Dispatcher), Form(("assigneeId", engineer)));
        Assert.True(result.Succeeded, result.Refusal?.Message.En);
        return result.Instance!;
    }

    [Fact]
    public void StartInTheStartStatusAtVersionOne()
    {
        var result = engine.Start(onSite, "SR-1", As(Dispatcher));

        Assert.Equal("WaitingForAssignment", result.Instance!.Status);
        Assert.Equal(1, result.Instance.Version);
        Assert.Equal(HistoryKind.Started, result.History!.Kind);
        Assert.Equal("false", result.Instance.Variables["managerReleased"]);
    }

    [Fact]
    public void OfferOnlyTheTransitionsARoleMayFireNow()
    {
        var instance = Start(onSite);

        var dispatcher = engine.Available(onSite, instance, As(Dispatcher)).Select(t => t.Key);
        var engineer = engine.Available(onSite, instance, As(Engineer)).Select(t => t.Key);

        Assert.Equal(["Assign", "Hold", "Cancel"], dispatcher);
        Assert.Empty(engineer);
        Assert.Equal(["assigneeId"], engine.Available(onSite, instance, As(Dispatcher)).Single(t => t.Key == "Assign").RequiredFields);
    }

    [Fact]
    public void RefuseARoleThatIsNotAllowed()
    {
        var result = engine.Fire(onSite, Start(onSite), "Assign", As(Engineer), Form(("assigneeId", "eng-1")));

        Assert.Equal(RefusalReason.RoleNotAllowed, result.Refusal!.Reason);
        Assert.Equal("workflow.roleNotAllowed", result.Refusal.Message.Code);
        Assert.Contains("派工", result.Refusal.Message.Zh);
        Assert.Null(result.Instance);
    }

    [Fact]
    public void LetTheAssigneeButNoOtherEngineerProcess()
    {
        var instance = Assigned("eng-1");

        Assert.Equal(RefusalReason.RoleNotAllowed, engine.Fire(onSite, instance, "Process", As(OtherEngineer, Request(assigneeId: "eng-1")),
            Form(("faultCategory", "power"), ("measures", "replaced fuse"))).Refusal?.Reason);
        var result = engine.Fire(onSite, instance, "Process", As(Engineer, Request(assigneeId: "eng-1")), Form(("faultCategory", "power"), ("measures", "replaced fuse")));

        Assert.True(result.Succeeded);
        Assert.Equal("Processed", result.Instance!.Status);
    }

    [Fact]
    public void RefuseMissingRequiredFieldsByKey()
    {
        var instance = Assigned();

        var result = engine.Fire(onSite, instance, "Process", As(Dispatcher), Form(("faultCategory", "power"), ("measures", "  ")));

        Assert.Equal(RefusalReason.MissingRequiredFields, result.Refusal!.Reason);
        Assert.Equal(["measures"], result.Refusal.MissingFields);
        Assert.Contains("measures", result.Refusal.Message.En);
    }

    [Fact]
    public void TreatEmptyListsAndNullsAsMissing()
    {
        var instance = Start(onSite);

        Assert.Equal(["assigneeId"], engine.Fire(onSite, instance, "Assign", As(Dispatcher), Form(("assigneeId", null))).Refusal!.MissingFields);
        Assert.Equal(["assigneeId"], engine.Fire(onSite, instance, "Assign", As(Dispatcher), Form(("assigneeId", Array.Empty<string>()))).Refusal!.MissingFields);
        Assert.Equal(["assigneeId"], engine.Fire(onSite, instance, "Assign", As(Dispatcher)).Refusal!.MissingFields);
    }

    [Fact]
    public void RefuseATransitionThatDoesNotLeaveTheCurrentStatus()
    {
        var result = engine.Fire(onSite, Start(onSite), "Close", As(Dispatcher));

        Assert.Equal(RefusalReason.NotFromCurrentStatus, result.Refusal!.Reason);
        Assert.Equal(RefusalReason.UnknownTransition, engine.Fire(onSite, Start(onSite), "Teleport", As(Dispatcher)).Refusal!.Reason);
    }

    [Fact]
    public void ReturnToAssignmentAfterTheFirstFailureAndLockAfterTheSecond()
    {
        var instance = Assigned();
        Assert.Equal(["Fail"], engine.Available(onSite, instance, As(Engineer, Request("eng-1"))).Where(t => t.Key.StartsWith("Fail")).Select(t => t.Key));

        var first = engine.Fire(onSite, instance, "Fail", As(Engineer, Request("eng-1")));
        Assert.Equal("WaitingForAssignment", first.Instance!.Status);
        Assert.Equal(1, first.Instance.AttemptsOf("visit"));
        Assert.Equal(RefusalReason.ConditionFalse, engine.Fire(onSite, instance, "FailAndLock", As(Engineer, Request("eng-1"))).Refusal!.Reason);

        var again = engine.Fire(onSite, first.Instance, "Assign", As(Dispatcher), Form(("assigneeId", "eng-2"))).Instance!;
        Assert.Equal(["FailAndLock"], engine.Available(onSite, again, As(OtherEngineer, Request("eng-2"))).Where(t => t.Key.StartsWith("Fail")).Select(t => t.Key));
        Assert.Equal(RefusalReason.ConditionFalse, engine.Fire(onSite, again, "Fail", As(OtherEngineer, Request("eng-2"))).Refusal!.Reason);

        var second = engine.Fire(onSite, again, "FailAndLock", As(OtherEngineer, Request("eng-2")));
        Assert.Equal("Locked", second.Instance!.Status);
        Assert.Equal(2, second.Instance.AttemptsOf("visit"));
        Assert.Contains(second.Actions, a => a.Action is LockForManagerAction { Reason: "attemptsExhausted" });
        Assert.Contains(second.Actions, a => a.Action is NotifyAction { Template: "request.locked" });
    }

    [Fact]
    public void LetOnlyManagersUnlockOrAssignALockedRequest()
    {
        var instance = Assigned();
        instance = engine.Fire(onSite, instance with { Attempts = instance.Attempts.Add("visit", 1) }, "FailAndLock", As(Dispatcher)).Instance!;
        Assert.Equal("Locked", instance.Status);

        Assert.Equal(["Cancel"], engine.Available(onSite, instance, As(Dispatcher)).Select(t => t.Key));
        Assert.Equal(["ManagerAssign", "Unlock", "Cancel"], engine.Available(onSite, instance, As(Manager)).Select(t => t.Key));
    }

    [Fact]
    public void RefuseAStaleInstanceVersion()
    {
        var instance = Start(onSite);

        var result = engine.Fire(onSite, instance, "Hold", As(Dispatcher), expectedVersion: instance.Version - 1);

        Assert.Equal(RefusalReason.ConcurrencyConflict, result.Refusal!.Reason);
        Assert.True(engine.Fire(onSite, instance, "Hold", As(Dispatcher), expectedVersion: instance.Version).Succeeded);
    }

    [Fact]
    public void IncreaseTheVersionAndRecordHistoryOnEveryTransition()
    {
        var instance = Start(onSite);

        var result = engine.Fire(onSite, instance, "Assign", As(Dispatcher), Form(("assigneeId", "eng-1")));

        Assert.Equal(instance.Version + 1, result.Instance!.Version);
        var history = result.History!;
        Assert.Equal((HistoryKind.Transition, "WaitingForAssignment", "Assigned", "Assign", "disp-1"), (history.Kind, history.From, history.To, history.TransitionKey, history.ActorId));
        Assert.Equal("eng-1", history.FormValues["assigneeId"]);
        Assert.Equal(result.Instance.Version, history.InstanceVersion);
    }

    [Fact]
    public void ReturnActionsInExitTransitionEntryOrderAndApplyEngineActions()
    {
        var tiny = Tiny();
        var result = engine.Fire(tiny, Start(tiny), "Start", As(Dispatcher), Form(("tier", 3)));

        Assert.Equal(["exit Open", "transition Start", "enter Doing"], result.Actions.Select(a => a.CommentText()));
        Assert.Equal([ActionOrigin.StatusExit, ActionOrigin.Transition, ActionOrigin.StatusEntry], result.Actions.Select(a => a.Origin));
        Assert.DoesNotContain(result.Actions, a => a.Action.IsHandledByEngine);
        Assert.Equal("3", result.Instance!.Variables["tier"]);
    }

    [Fact]
    public void BlockATransitionWhoseConditionFailsWithTheReason()
    {
        var tiny = Tiny(condition: "while (true) {}");

        var result = engine.Fire(tiny, Start(tiny), "Start", As(Dispatcher));

        Assert.Equal(RefusalReason.ConditionFailed, result.Refusal!.Reason);
        Assert.Equal("workflow.condition.statements", result.Refusal.Message.Code);
        Assert.Empty(engine.Available(tiny, Start(tiny), As(Dispatcher)));
    }

    [Fact]
    public void ShowTheDefinitionsOwnMessageWhenAConditionIsFalse()
    {
        var tiny = Tiny(condition: "vars.tier > 5");
        tiny = tiny with { Transitions = [tiny.Transitions[0] with { ConditionMessage = new("等级不足", "Tier too low") }, tiny.Transitions[1]] };

        var result = engine.Fire(tiny, Start(tiny), "Start", As(Dispatcher));

        Assert.Equal(RefusalReason.ConditionFalse, result.Refusal!.Reason);
        Assert.Equal(("Tier too low", "等级不足"), (result.Refusal.Message.En, result.Refusal.Message.Zh));
    }

    [Fact]
    public void KeepAutomaticTransitionsForTheSystem()
    {
        var tiny = Tiny(trigger: TransitionTrigger.Automatic);

        Assert.Equal(RefusalReason.RoleNotAllowed, engine.Fire(tiny, Start(tiny), "Start", As(Dispatcher)).Refusal!.Reason);
        Assert.Empty(engine.Available(tiny, Start(tiny), As(Dispatcher)));
        Assert.True(engine.Fire(tiny, Start(tiny), "Start", As(WorkflowActor.System)).Succeeded);
    }

    [Fact]
    public void RefuseADefinitionVersionTheInstanceIsNotPinnedTo()
    {
        var instance = Start(onSite);

        var result = engine.Fire(onSite with { Version = 2 }, instance, "Hold", As(Dispatcher));

        Assert.Equal(RefusalReason.DefinitionMismatch, result.Refusal!.Reason);
    }

    [Fact]
    public void ExplainWhyATransitionIsNotAvailable()
    {
        var instance = Start(onSite);

        Assert.Null(engine.Check(onSite, instance, "Hold", As(Dispatcher)));
        Assert.Equal(RefusalReason.RoleNotAllowed, engine.Check(onSite, instance, "Hold", As(Engineer))!.Reason);
    }

    [Fact]
    public void WalkTheClosedLoopToClosed()
    {
        var desk = As(Dispatcher);
        var instance = Assigned();
        instance = engine.Fire(onSite, instance, "Process", desk, Form(("faultCategory", "power"), ("measures", "fuse"))).Instance!;
        var visit = engine.Fire(onSite, instance, "StartReturnVisit", desk);
        Assert.Contains(visit.Actions, a => a.Action is CreateReturnVisitAction);
        instance = engine.Fire(onSite, visit.Instance!, "Reopen", desk).Instance!;
        Assert.Equal("WaitingForAssignment", instance.Status);

        instance = engine.Fire(onSite, instance, "Assign", desk, Form(("assigneeId", "eng-1"))).Instance!;
        instance = engine.Fire(onSite, instance, "Process", desk, Form(("faultCategory", "power"), ("measures", "board"))).Instance!;
        instance = engine.Fire(onSite, instance, "Close", desk).Instance!;

        Assert.Equal("Closed", instance.Status);
        Assert.Empty(instance.Timers);
        Assert.Empty(engine.Available(onSite, instance, As(Manager)));
    }
}

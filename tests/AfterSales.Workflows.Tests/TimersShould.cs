using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Serialization;
using AfterSales.Workflows.Sla;
using AfterSales.Workflows.Timers;
using static AfterSales.Workflows.Tests.Fixtures;

namespace AfterSales.Workflows.Tests;

public sealed class TimersShould
{
    private static readonly DateOnly RequestedDate = new(2026, 3, 4);
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = Clock();
    private readonly WorkflowDefinition onSite = DefaultWorkflows.OnSite();
    private readonly WorkflowEngine engine;

    public TimersShould() => engine = new WorkflowEngine(clock);

    private WorkflowContext Desk => As(Dispatcher, Request(requestedDate: RequestedDate));

    /// <summary>The host's side: a scheduler that keeps jobs by id, as Quartz does with job keys.</summary>
    private sealed class Scheduler
    {
        public Dictionary<string, DateTimeOffset> Jobs { get; } = [];

        public void Apply(IEnumerable<TimerCommand> commands)
        {
            foreach (var command in commands)
            {
                if (command.Kind == TimerCommandKind.Schedule)
                {
                    Jobs[command.Id.ToString()] = command.DueAt!.Value;
                }
                else
                {
                    Jobs.Remove(command.Id.ToString());
                }
            }
        }
    }

    [Fact]
    public void ScheduleTheRequestedDateTimerAtTheEndOfThatDayInTheTenantsZone()
    {
        var calendar = new BusinessCalendar("Asia/Shanghai", [new(DayOfWeek.Monday, new(9, 0), new(18, 0))]);

        var result = engine.Start(onSite, "SR-1", Desk with { Calendar = calendar });

        var command = Assert.Single(result.TimerCommands);
        Assert.Equal(TimerCommandKind.Schedule, command.Kind);
        Assert.Equal("SR-1/requestedDateMissed/1", command.Id.ToString());
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.FromHours(8)), command.DueAt);
    }

    [Fact]
    public void LeaveTheTimerUnarmedWithoutARequestedDate()
    {
        var result = engine.Start(onSite, "SR-1", As(Dispatcher));

        Assert.Empty(result.TimerCommands);
        Assert.Empty(result.Instance!.Timers);
    }

    [Fact]
    public void LockAndNotifyWhenTheRequestedDatePassesUnassigned()
    {
        var started = engine.Start(onSite, "SR-1", Desk);
        var id = started.TimerCommands.Single().Id;
        clock.SetUtcNow(started.TimerCommands.Single().DueAt!.Value);

        var fired = engine.FireTimer(onSite, started.Instance!, id, Desk);

        Assert.True(fired.Succeeded);
        Assert.Equal("Locked", fired.Instance!.Status);
        Assert.Equal((HistoryKind.TimerFired, "requestedDateMissed", "LockMissedDate"), (fired.History!.Kind, fired.History.TimerKey, fired.History.TransitionKey));
        Assert.Null(fired.History.ActorId);
        Assert.Contains(fired.Actions, a => a.Action is LockForManagerAction { Reason: "missedRequestedDate" });
        Assert.Contains(fired.Actions, a => a.Action is NotifyAction { Template: "request.locked" } && a.Origin == ActionOrigin.StatusEntry);
    }

    [Fact]
    public void FireOnceAcrossARestart()
    {
        var scheduler = new Scheduler();
        var started = engine.Start(onSite, "SR-1", Desk);
        scheduler.Apply(started.TimerCommands);
        var stored = WorkflowJson.Serialize(started.Instance!);

        // The process restarts: state comes back from JSON, the scheduler from its own store.
        clock.Advance(TimeSpan.FromDays(3));
        var (job, _) = scheduler.Jobs.Single(j => j.Key.Contains("requestedDateMissed"));
        Assert.True(TimerId.TryParse(job, out var id));
        var first = new WorkflowEngine(clock).FireTimer(onSite, WorkflowJson.DeserializeInstance(stored), id, Desk);
        stored = WorkflowJson.Serialize(first.Instance!);

        // Quartz misfire handling or a second node delivers the same job again.
        var second = new WorkflowEngine(clock).FireTimer(onSite, WorkflowJson.DeserializeInstance(stored), id, Desk);

        Assert.Equal("Locked", first.Instance!.Status);
        Assert.Equal(RefusalReason.TimerStale, second.Refusal!.Reason);
        Assert.Null(second.Instance);
        Assert.Empty(second.Actions);
    }

    [Fact]
    public void CancelTheTimerOnLeavingTheStatusAndIgnoreItsJob()
    {
        var started = engine.Start(onSite, "SR-1", Desk);
        var id = started.TimerCommands.Single().Id;

        var assigned = engine.Fire(onSite, started.Instance!, "Assign", Desk, Form(("assigneeId", "eng-1")));
        clock.Advance(TimeSpan.FromDays(5));

        Assert.Contains(TimerCommand.Cancel(id), assigned.TimerCommands);
        Assert.Equal(RefusalReason.TimerStale, engine.FireTimer(onSite, assigned.Instance!, id, Desk).Refusal!.Reason);
    }

    [Fact]
    public void ReArmWithANewGenerationOnReEntry()
    {
        var started = engine.Start(onSite, "SR-1", Desk);
        var firstId = started.TimerCommands.Single().Id;
        var held = engine.Fire(onSite, started.Instance!, "Hold", Desk).Instance!;

        var resumed = engine.Fire(onSite, held, "Resume", Desk);

        var schedule = Assert.Single(resumed.TimerCommands, c => c.Kind == TimerCommandKind.Schedule);
        Assert.Equal(new TimerId("SR-1", "requestedDateMissed", 2), schedule.Id);
        Assert.Equal(RefusalReason.TimerStale, engine.FireTimer(onSite, resumed.Instance!, firstId, Desk).Refusal!.Reason);
        Assert.True(engine.FireTimer(onSite, resumed.Instance!, schedule.Id, Desk).Succeeded);
    }

    [Fact]
    public void SkipTheTransitionButConsumeTheTimerWhenItsConditionIsFalse()
    {
        // A manager unlocked the request: the requested date no longer locks it.
        var started = engine.Start(onSite, "SR-1", Desk);
        var released = started.Instance! with { Variables = started.Instance!.Variables.SetItem("managerReleased", "true") };
        clock.Advance(TimeSpan.FromDays(3));

        var fired = engine.FireTimer(onSite, released, started.TimerCommands.Single().Id, Desk);

        Assert.True(fired.Succeeded);
        Assert.Equal("WaitingForAssignment", fired.Instance!.Status);
        Assert.Empty(fired.Instance.Timers);
        Assert.Equal("workflow.timerTransitionSkipped", fired.History!.Note!.Code);
    }

    [Fact]
    public void StartTheReturnVisitThreeDaysAfterProcessing()
    {
        var instance = engine.Fire(onSite, engine.Start(onSite, "SR-1", As(Dispatcher)).Instance!, "Assign", As(Dispatcher), Form(("assigneeId", "eng-1"))).Instance!;
        var processed = engine.Fire(onSite, instance, "Process", As(Dispatcher), Form(("faultCategory", "power"), ("measures", "fuse")));
        var command = Assert.Single(processed.TimerCommands, c => c.Id.TimerKey == "returnVisitDue");
        Assert.Equal(clock.GetUtcNow().AddDays(3), command.DueAt);
        clock.SetUtcNow(command.DueAt!.Value);

        var fired = engine.FireTimer(onSite, processed.Instance!, command.Id, As(Dispatcher));

        Assert.Equal("ReturnVisit", fired.Instance!.Status);
        Assert.Contains(fired.Actions, a => a.Action is CreateReturnVisitAction);
    }

    [Fact]
    public void RefuseATimerOfAnotherInstance()
    {
        var started = engine.Start(onSite, "SR-1", Desk);

        var result = engine.FireTimer(onSite, started.Instance!, new TimerId("SR-2", "requestedDateMissed", 1), Desk);

        Assert.Equal(RefusalReason.TimerNotForInstance, result.Refusal!.Reason);
    }

    [Fact]
    public void StartAndCancelTimersByAction()
    {
        var definition = Tiny() with
        {
            Timers = [new TimerDefinition { Key = "nudge", StartsOn = TimerStart.Action, Due = TimerDue.After(TimeSpan.FromHours(4), businessTime: true), Actions = [Comment("nudge")] }],
        };
        definition = definition with
        {
            Transitions =
            [
                definition.Transitions[0] with { Actions = [new StartTimerAction { Timer = "nudge" }] },
                definition.Transitions[1] with { Actions = [new CancelTimerAction { Timer = "nudge" }] },
            ],
        };
        var calendar = new BusinessCalendar("Asia/Shanghai", [new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Tuesday, new(9, 0), new(18, 0))]);
        var context = As(Dispatcher) with { Calendar = calendar };

        var started = engine.Fire(definition, engine.Start(definition, "T-1", context).Instance!, "Start", context);
        var finished = engine.Fire(definition, started.Instance!, "Finish", context);

        var schedule = Assert.Single(started.TimerCommands);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(8)), schedule.DueAt);
        Assert.Equal([TimerCommand.Cancel(schedule.Id)], finished.TimerCommands);
    }

    [Fact]
    public void FollowAnSlaClockThroughAPause()
    {
        var policy = new SlaPolicy { Key = "std", Targets = [new() { Clock = SlaClockKind.Assignment, Duration = TimeSpan.FromHours(4) }] };
        var context = As(Dispatcher) with { SlaPolicy = policy };
        var started = engine.Start(onSite, "SR-1", context);
        var first = Assert.Single(started.TimerCommands);
        Assert.Equal(("assignmentBreached", clock.GetUtcNow().AddHours(4)), (first.Id.TimerKey, first.DueAt!.Value));

        clock.Advance(TimeSpan.FromHours(1));
        var held = engine.Fire(onSite, started.Instance!, "Hold", context);
        Assert.Equal("OnHold", held.Instance!.Status);
        Assert.Equal([TimerCommand.Cancel(first.Id)], held.TimerCommands);

        clock.Advance(TimeSpan.FromHours(10));
        var resumed = engine.Fire(onSite, held.Instance, "Resume", context);
        var rescheduled = Assert.Single(resumed.TimerCommands);
        Assert.Equal(clock.GetUtcNow().AddHours(3), rescheduled.DueAt);
        Assert.Equal(RefusalReason.TimerStale, engine.FireTimer(onSite, resumed.Instance!, first.Id, context).Refusal!.Reason);

        clock.SetUtcNow(rescheduled.DueAt!.Value);
        var breached = engine.FireTimer(onSite, resumed.Instance!, rescheduled.Id, context);
        Assert.Contains(breached.Actions, a => a.Action is NotifyAction { Template: "sla.assignmentBreached" });
        Assert.Equal("true", breached.Instance!.Variables["escalated"]);
    }

    [Fact]
    public void RescheduleAnSlaTimerThatFiresBeforeItsClockRunsOut()
    {
        var policy = new SlaPolicy { Key = "std", Targets = [new() { Clock = SlaClockKind.FirstResponse, Duration = TimeSpan.FromHours(4) }] };
        var context = As(Dispatcher) with { SlaPolicy = policy };
        var started = engine.Start(onSite, "SR-1", context);
        clock.Advance(TimeSpan.FromHours(4));

        // Meanwhile the tenant closed the office for the afternoon: four business hours are not yet used up.
        var office = new BusinessCalendar("Asia/Shanghai", [new(DayOfWeek.Monday, new(9, 0), new(11, 0)), new(DayOfWeek.Tuesday, new(9, 0), new(18, 0))]);
        var fired = engine.FireTimer(onSite, started.Instance!, started.TimerCommands.Single().Id, context with { Calendar = office });

        var again = Assert.Single(fired.TimerCommands);
        Assert.Equal(2, again.Id.Generation);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.FromHours(8)), again.DueAt);
        Assert.Empty(fired.Actions);
    }

    [Fact]
    public void CancelEveryTimerInADoneStatus()
    {
        var policy = new SlaPolicy { Key = "std", Targets = [new() { Clock = SlaClockKind.Resolution, Duration = TimeSpan.FromDays(2) }] };
        var context = Desk with { SlaPolicy = policy };
        var started = engine.Start(onSite, "SR-1", context);
        Assert.Equal(2, started.Instance!.Timers.Count);

        var cancelled = engine.Fire(onSite, started.Instance, "Cancel", context);

        Assert.Empty(cancelled.Instance!.Timers);
        Assert.Equal(2, cancelled.TimerCommands.Count(c => c.Kind == TimerCommandKind.Cancel));
        Assert.All(cancelled.Instance.SlaClocks, c => Assert.Equal(SlaClockState.Stopped, c.State));
    }

    [Theory]
    [InlineData("SR-1/returnVisitDue/3", "SR-1", "returnVisitDue", 3)]
    [InlineData("tenant/42/SR-1/lock/12", "tenant/42/SR-1", "lock", 12)]
    public void ReadTimerIdsBack(string text, string instance, string key, int generation)
    {
        Assert.True(TimerId.TryParse(text, out var id));
        Assert.Equal(new TimerId(instance, key, generation), id);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SR-1/x")]
    [InlineData("SR-1//3")]
    [InlineData("/x/3")]
    [InlineData("SR-1/x/-3")]
    public void RejectMalformedTimerIds(string? text) => Assert.False(TimerId.TryParse(text, out _));
}

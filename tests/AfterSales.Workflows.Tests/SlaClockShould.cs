using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Sla;
using static AfterSales.Workflows.Tests.Fixtures;

namespace AfterSales.Workflows.Tests;

public sealed class SlaClockShould
{
    private static readonly BusinessCalendar Office = new("Asia/Shanghai",
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new WorkingHours(d, new(9, 0), new(18, 0)))]);

    private static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void CountOnlyBusinessTimeWhileRunning()
    {
        var clock = SlaClock.Start(SlaClockKind.Resolution, TimeSpan.FromHours(12), At(2, 9));

        Assert.Equal(TimeSpan.FromHours(9), clock.Elapsed(At(3, 0), Office));
        Assert.Equal(TimeSpan.FromHours(3), clock.Remaining(At(3, 0), Office));
        Assert.Equal(At(3, 12), clock.DueAt(Office));
        Assert.False(clock.IsBreached(At(3, 12), Office));
        Assert.True(clock.IsBreached(At(3, 13), Office));
    }

    [Fact]
    public void StandStillWhilePausedAndMoveTheDueInstant()
    {
        var clock = SlaClock.Start(SlaClockKind.Resolution, TimeSpan.FromHours(12), At(2, 9))
            .Pause(At(2, 11), Office);

        Assert.Equal(SlaClockState.Paused, clock.State);
        Assert.Null(clock.DueAt(Office));
        Assert.Equal(TimeSpan.FromHours(2), clock.Elapsed(At(5, 12), Office));

        clock = clock.Resume(At(4, 9));
        Assert.Equal(At(5, 10), clock.DueAt(Office));
        Assert.Equal(TimeSpan.FromHours(46), clock.PausedFor(At(5, 0)));
        Assert.Equal(new SlaPause(At(2, 11), At(4, 9)), Assert.Single(clock.Pauses));
    }

    [Fact]
    public void KeepAccruedTimeAndPausesWhenThePolicyChanges()
    {
        var clock = SlaClock.Start(SlaClockKind.Resolution, TimeSpan.FromHours(12), At(2, 9))
            .Pause(At(2, 11), Office)
            .Resume(At(4, 9));

        var retargeted = SlaClocks.Retarget([clock], new Dictionary<SlaClockKind, TimeSpan> { [SlaClockKind.Resolution] = TimeSpan.FromHours(4) }).Single();

        Assert.Equal(TimeSpan.FromHours(4), retargeted.Target);
        Assert.Equal(clock.Pauses, retargeted.Pauses);
        Assert.Equal(clock.Elapsed(At(4, 10), Office), retargeted.Elapsed(At(4, 10), Office));
        Assert.Equal(At(4, 11), retargeted.DueAt(Office));
        Assert.True(retargeted.IsBreached(At(4, 12), Office));
    }

    [Fact]
    public void SettleWhenStopped()
    {
        var clock = SlaClock.Start(SlaClockKind.FirstResponse, TimeSpan.FromHours(1), At(2, 9)).Pause(At(2, 9), Office).Stop(At(2, 15), Office);

        Assert.Equal(SlaClockState.Stopped, clock.State);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed(At(9, 9), Office));
        Assert.Equal(At(2, 15), clock.Pauses.Single().To);
        Assert.Same(clock, clock.Resume(At(3, 9)));
    }

    [Fact]
    public void PickTheMostSpecificTarget()
    {
        var policy = new SlaPolicy
        {
            Key = "std",
            Targets =
            [
                new() { Clock = SlaClockKind.Resolution, Duration = TimeSpan.FromHours(72) },
                new() { Clock = SlaClockKind.Resolution, Priority = "Urgent", Duration = TimeSpan.FromHours(24) },
                new() { Clock = SlaClockKind.Resolution, ServiceType = "REMOTE", Duration = TimeSpan.FromHours(16) },
                new() { Clock = SlaClockKind.Resolution, ServiceType = "REMOTE", Priority = "Urgent", Duration = TimeSpan.FromHours(4) },
                new() { Clock = SlaClockKind.FirstResponse, Duration = TimeSpan.FromHours(2) },
            ],
        };

        Assert.Equal(TimeSpan.FromHours(72), policy.TargetsFor("ONSITE", "Normal")[SlaClockKind.Resolution]);
        Assert.Equal(TimeSpan.FromHours(24), policy.TargetsFor("ONSITE", "Urgent")[SlaClockKind.Resolution]);
        Assert.Equal(TimeSpan.FromHours(16), policy.TargetsFor("remote", "Normal")[SlaClockKind.Resolution]);
        Assert.Equal(TimeSpan.FromHours(4), policy.TargetsFor("REMOTE", "Urgent")[SlaClockKind.Resolution]);
        Assert.Equal(TimeSpan.FromHours(2), policy.TargetsFor("REMOTE", "Urgent")[SlaClockKind.FirstResponse]);
        Assert.False(policy.TargetsFor("REMOTE", "Urgent").ContainsKey(SlaClockKind.Assignment));
    }

    [Fact]
    public void FollowTheStatusesOfAWorkflow()
    {
        var time = Clock(At(2, 9));
        var engine = new WorkflowEngine(time);
        var rma = DefaultWorkflows.ReturnToFactory();
        var policy = new SlaPolicy
        {
            Key = "std",
            Targets = [.. Enum.GetValues<SlaClockKind>().Select(k => new SlaTarget { Clock = k, Duration = TimeSpan.FromHours(40) })],
        };
        var desk = As(Dispatcher, Request(serviceType: "RMA")) with { SlaPolicy = policy, Calendar = Office };
        var instance = engine.Start(rma, "R-1", desk).Instance!;
        Assert.All(instance.SlaClocks, c => Assert.Equal(SlaClockState.Running, c.State));

        time.SetUtcNow(At(2, 11));
        instance = engine.Fire(rma, instance, "Assign", desk, Form(("assigneeId", "eng-1"))).Instance!;
        Assert.Equal(SlaClockState.Stopped, instance.Clock(SlaClockKind.FirstResponse)!.State);
        Assert.Equal(SlaClockState.Stopped, instance.Clock(SlaClockKind.Assignment)!.State);
        Assert.Equal(TimeSpan.FromHours(2), instance.Clock(SlaClockKind.Assignment)!.Accrued);

        time.SetUtcNow(At(2, 12));
        instance = engine.Fire(rma, instance, "AwaitShipment", desk, Form(("carrier", "SF"), ("trackingNumber", "SF1"), ("shippedOn", new DateOnly(2026, 3, 2)))).Instance!;
        Assert.Equal(SlaClockState.Paused, instance.Clock(SlaClockKind.Resolution)!.State);

        time.SetUtcNow(At(9, 9));
        instance = engine.Fire(rma, instance, "Receive", desk, Form(("inspection", "casing intact"))).Instance!;
        var resolution = instance.Clock(SlaClockKind.Resolution)!;
        Assert.Equal(SlaClockState.Running, resolution.State);
        Assert.Equal(TimeSpan.FromHours(3), resolution.Accrued);
        Assert.Equal(At(13, 10), resolution.DueAt(Office));

        // The tenant tightens the policy: the three hours already counted and the week in transit stay as they were.
        var tighter = policy with { Targets = [new SlaTarget { Clock = SlaClockKind.Resolution, Duration = TimeSpan.FromHours(8) }] };
        var retargeted = engine.RetargetSla(rma, instance, tighter, desk);
        resolution = retargeted.Instance!.Clock(SlaClockKind.Resolution)!;
        Assert.Equal((TimeSpan.FromHours(8), TimeSpan.FromHours(3)), (resolution.Target, resolution.Accrued));
        Assert.Single(resolution.Pauses);
        Assert.Equal(At(9, 14), resolution.DueAt(Office));
        Assert.Equal(At(9, 14), retargeted.TimerCommands.Single(c => c.Kind == Timers.TimerCommandKind.Schedule).DueAt);
        Assert.Equal(HistoryKind.SlaRetargeted, retargeted.History!.Kind);
        Assert.Equal(TimeSpan.FromHours(40), retargeted.Instance.Clock(SlaClockKind.Assignment)!.Target);
    }

    [Fact]
    public void StartTheClocksWhenTheRequestCameInRatherThanWhenItIsSaved()
    {
        // Saved a moment after it came in, inside working hours: that moment must not count.
        var time = Clock(At(2, 9).AddMilliseconds(25));
        var engine = new WorkflowEngine(time);
        var policy = new SlaPolicy
        {
            Key = "std",
            Targets = [new SlaTarget { Clock = SlaClockKind.Resolution, Duration = TimeSpan.FromHours(2) }],
        };
        var desk = As(Dispatcher, Request(serviceType: "RMA")) with { SlaPolicy = policy, Calendar = Office };

        var instance = engine.Start(DefaultWorkflows.ReturnToFactory(), "R-1", desk, at: At(2, 9)).Instance!;

        Assert.Equal(At(2, 9), instance.StartedAt);
        Assert.Equal(At(2, 11), instance.Clock(SlaClockKind.Resolution)!.DueAt(Office));
    }
}

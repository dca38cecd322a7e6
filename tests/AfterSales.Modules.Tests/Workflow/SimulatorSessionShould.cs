using AfterSales.Modules.Workflow.Designer;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Modules.Tests.Workflow;

public sealed class SimulatorSessionShould
{
    private static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static SimulatorSession OnSite(params string[] roles)
    {
        var simulation = new SimulatorSession(DefaultWorkflows.OnSite(), [new DesignerField("assigneeId", new("处理人", "Assignee"))], Monday9);
        simulation.Roles.UnionWith(roles);
        return simulation;
    }

    private static Dictionary<string, string?> Form(params (string Key, string? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void LockARequestNotSolvedTwice()
    {
        var simulation = OnSite(WorkflowRoles.Dispatcher);
        Assert.True(simulation.Start());
        Assert.Equal("WaitingForAssignment", simulation.Instance!.Status);

        for (var visit = 1; visit <= 2; visit++)
        {
            Assert.True(simulation.Fire("Assign", Form(("assigneeId", "eng-1"))), simulation.Refusal?.En);
            Assert.Equal(("Assigned", "eng-1"), (simulation.Instance.Status, simulation.Request.AssigneeId));
            var notSolved = Assert.Single(simulation.Available(), t => t.Label.En == "Not solved");
            Assert.Equal(visit == 1 ? "Fail" : "FailAndLock", notSolved.Key);
            Assert.True(simulation.Fire(notSolved.Key, Form()), simulation.Refusal?.En);
            Assert.Null(simulation.Request.AssigneeId);
        }

        Assert.Equal("Locked", simulation.Instance.Status);
        Assert.Equal(2, simulation.Instance.AttemptsOf("visit"));
        Assert.Contains(simulation.Steps[^1].Actions, a => a.Action is AfterSales.Workflows.Actions.LockForManagerAction);
        Assert.Equal(["Started", "Transition", "Transition", "Transition", "Transition"], simulation.Steps.Select(s => s.History.Kind.ToString()));
    }

    [Fact]
    public void RefuseATransitionWhoseFormIsIncomplete()
    {
        var simulation = OnSite(WorkflowRoles.Dispatcher);
        simulation.Start();

        Assert.False(simulation.Fire("Assign", Form(("assigneeId", " "))));

        Assert.NotNull(simulation.Refusal);
        Assert.Equal("WaitingForAssignment", simulation.Instance!.Status);
    }

    [Fact]
    public void LetTheSampleUserActAsTheAssignee()
    {
        var simulation = OnSite(WorkflowRoles.Dispatcher);
        simulation.Start();
        simulation.Fire("Assign", Form(("assigneeId", "eng-1")));

        simulation.Roles.Clear();
        simulation.Roles.Add(WorkflowRoles.Engineer);
        Assert.DoesNotContain(simulation.Available(), t => t.Key == "Process");

        simulation.Roles.Add(TransitionDefinition.AssigneeRole);
        Assert.Contains(simulation.Available(), t => t.Key == "Process");
    }

    [Fact]
    public void TryAConditionWithAttemptsSetByHand()
    {
        var simulation = OnSite(WorkflowRoles.Dispatcher);
        simulation.Start();
        simulation.Fire("Assign", Form(("assigneeId", "eng-1")));

        simulation.SetAttempts("visit", 1);

        Assert.Contains(simulation.Available(), t => t.Key == "FailAndLock");
    }

    [Fact]
    public void FireATimerNowByMovingItsClockForward()
    {
        var simulation = OnSite(WorkflowRoles.Dispatcher);
        simulation.Values["requestedDate"] = "2026-03-20";
        simulation.Start();
        var timer = Assert.Single(simulation.Instance!.Timers);

        Assert.True(simulation.FireTimer(timer), simulation.Refusal?.En);

        Assert.Equal("Locked", simulation.Instance.Status);
        Assert.True(simulation.Now >= timer.DueAt);
        Assert.Equal(HistoryKind.TimerFired, simulation.Steps[^1].History.Kind);
    }

    [Fact]
    public void RefuseToStartAWorkflowWithoutAStart()
    {
        var onSite = DefaultWorkflows.OnSite();
        var simulation = new SimulatorSession(onSite with { Statuses = [.. onSite.Statuses.Select(s => s with { IsStart = false })] }, [], Monday9);

        Assert.False(simulation.Start());
        Assert.Null(simulation.Instance);
        Assert.NotNull(simulation.Refusal);
    }
}

using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Validation;
using static AfterSales.Workflows.Tests.Fixtures;

namespace AfterSales.Workflows.Tests;

public sealed class DefaultWorkflowsShould
{
    private static readonly string[] RequestStatuses = ["WaitingForAssignment", "OnHold", "Assigned", "Processed", "ReturnVisit", "Closed", "Locked", "Cancelled"];

    private readonly WorkflowEngine engine = new(Clock());

    public static TheoryData<string> ServiceTypes() => [.. DefaultWorkflows.All.Keys];

    [Theory]
    [MemberData(nameof(ServiceTypes))]
    public void PassTheValidatorWithTheKnownFieldsAndRoles(string serviceType)
    {
        var report = new DefinitionValidator().Validate(DefaultWorkflows.All[serviceType], DefaultWorkflows.FieldKeys, WorkflowRoles.All);

        Assert.True(report.IsValid, report.ToString());
    }

    [Theory]
    [MemberData(nameof(ServiceTypes))]
    public void StartWaitingForAssignmentAndNameEverythingInBothLanguages(string serviceType)
    {
        var definition = DefaultWorkflows.All[serviceType];

        Assert.Equal("WaitingForAssignment", definition.StartStatus!.Key);
        Assert.Equal((serviceType, 1, DefinitionState.Published), (definition.ServiceType!, definition.Version, definition.State));
        Assert.All(definition.Statuses, s => Assert.False(string.IsNullOrWhiteSpace(s.Name.Zh) || string.IsNullOrWhiteSpace(s.Name.En)));
        Assert.All(definition.Transitions, t => Assert.False(string.IsNullOrWhiteSpace(t.Label.Zh) || string.IsNullOrWhiteSpace(t.Label.En)));
        Assert.All(definition.Statuses.Where(s => !RequestStatuses.Contains(s.Key)), s => Assert.Equal("RMA", serviceType));
    }

    [Theory]
    [InlineData("REMOTE")]
    [InlineData("ONSITE")]
    [InlineData("COMPLAINT")]
    public void KeepTheClosedLoopOfTheRequestFlow(string serviceType)
    {
        var definition = DefaultWorkflows.All[serviceType];

        Assert.Equal(RequestStatuses, definition.Statuses.Select(s => s.Key));
        foreach (var key in new[] { "Assign", "ManagerAssign", "Hold", "Resume", "Process", "Fail", "FailAndLock", "StartReturnVisit", "Close", "Reopen", "Unlock", "Cancel", "LockMissedDate" })
        {
            Assert.NotNull(definition.FindTransition(key));
        }
    }

    [Fact]
    public void CloseComplaintsOnlyAfterAReturnVisit()
    {
        Assert.Equal(["ReturnVisit"], DefaultWorkflows.Complaint().FindTransition("Close")!.From);
        Assert.Equal(["Processed", "ReturnVisit"], DefaultWorkflows.OnSite().FindTransition("Close")!.From);
    }

    [Fact]
    public void LetAConsultationCloseAtOnce()
    {
        var consult = DefaultWorkflows.Consultation();
        var instance = engine.Start(consult, "C-1", As(Dispatcher)).Instance!;

        Assert.Equal(RefusalReason.MissingRequiredFields, engine.Fire(consult, instance, "AnswerAndClose", As(Dispatcher)).Refusal!.Reason);
        var closed = engine.Fire(consult, instance, "AnswerAndClose", As(Dispatcher), Form(("answer", "Hold the reset button for 5 s.")));

        Assert.Equal("Closed", closed.Instance!.Status);
        Assert.Contains(closed.Actions, a => a.Action is Actions.AddCommentAction { FromFormField: "answer", IsPublic: true });
    }

    [Fact]
    public void TakeAReturnToFactoryThroughTheFactory()
    {
        var rma = DefaultWorkflows.ReturnToFactory();
        var desk = As(Dispatcher);
        var instance = engine.Start(rma, "R-1", desk).Instance!;
        instance = Fire(rma, instance, "Assign", desk, ("assigneeId", "eng-1"));
        Assert.Equal(["carrier", "trackingNumber", "shippedOn"], engine.Fire(rma, instance, "AwaitShipment", desk).Refusal!.MissingFields);
        instance = Fire(rma, instance, "AwaitShipment", desk, ("carrier", "SF"), ("trackingNumber", "SF100"), ("shippedOn", new DateOnly(2026, 3, 1)));
        Assert.Equal(StatusCategory.Waiting, rma.FindStatus(instance.Status)!.Category);
        Assert.Single(instance.Timers, t => t.Key == "shipmentOverdue");
        instance = Fire(rma, instance, "Receive", As(Engineer), ("inspection", "casing cracked, board burnt"));

        Assert.Equal(RefusalReason.RoleNotAllowed, engine.Fire(rma, instance, "Judge", desk, Form(("warrantyCovered", true), ("responsibility", "factory"), ("costSharing", "factory"), ("measures", "replace"))).Refusal!.Reason);
        instance = Fire(rma, instance, "Judge", As(Manager), ("warrantyCovered", true), ("responsibility", "factory"), ("costSharing", "factory pays all"), ("measures", "replace board"));
        Assert.Equal(["trackingNumber", "shippedOn"], engine.Fire(rma, instance, "ShipBack", As(Engineer), Form(("carrier", "SF"))).Refusal!.MissingFields);

        var shipped = engine.Fire(rma, instance, "ShipBack", As(Engineer), Form(("carrier", "SF"), ("trackingNumber", "SF123"), ("shippedOn", new DateOnly(2026, 3, 9))));
        Assert.Contains(shipped.Actions, a => a.Action is Actions.NotifyAction { Channel: Actions.NotificationChannel.Email, Template: "rma.shippedBack" });
        instance = Fire(rma, shipped.Instance!, "StartReturnVisit", desk);
        instance = Fire(rma, instance, "Close", desk);
        Assert.Equal("Closed", instance.Status);
    }

    [Fact]
    public void LetTheManagerReleaseARequestLockedForAMissedDate()
    {
        var onSite = DefaultWorkflows.OnSite();
        var desk = As(Dispatcher, Request(requestedDate: new DateOnly(2026, 3, 1)));
        var started = engine.Start(onSite, "SR-1", desk);
        var locked = engine.FireTimer(onSite, started.Instance!, started.TimerCommands.Single().Id, desk).Instance!;
        Assert.Equal("Locked", locked.Status);

        var unlocked = engine.Fire(onSite, locked, "Unlock", As(Manager, desk.Request));

        // Back in waiting, the requested date has passed: the timer fires at once, but the manager's release holds.
        var again = Assert.Single(unlocked.TimerCommands);
        var fired = engine.FireTimer(onSite, unlocked.Instance!, again.Id, desk);
        Assert.Equal("WaitingForAssignment", fired.Instance!.Status);
    }

    private WorkflowInstance Fire(WorkflowDefinition definition, WorkflowInstance instance, string transition, WorkflowContext context, params (string, object?)[] form)
    {
        var result = engine.Fire(definition, instance, transition, context, Form(form));
        Assert.True(result.Succeeded, $"{transition}: {result.Refusal?.Message.En} {result.Refusal?.Detail}");
        return result.Instance!;
    }
}

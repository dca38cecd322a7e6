using AfterSales.Modules.Workflow.Designer;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Validation;

namespace AfterSales.Modules.Tests.Workflow;

public sealed class DesignerSessionShould
{
    private static readonly LocalizedText NewStatus = new("新状态", "New status");

    [Fact]
    public void AddAStatusWithAFreshKeyAndSelectIt()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());

        var key = session.AddStatus(NewStatus, new DiagramPosition(400, 600));

        var status = session.Definition.FindStatus(key)!;
        Assert.Equal("Status1", key);
        Assert.Equal(("新状态 1", "New status 1"), (status.Name.Zh, status.Name.En));
        Assert.Equal(new DiagramPosition(400, 600), status.Position);
        Assert.False(status.IsStart);
        Assert.Equal(DesignerSelection.Status(key), session.Selection);
        Assert.Equal("Status2", session.AddStatus(NewStatus, new DiagramPosition(0, 0)));
    }

    [Fact]
    public void MakeTheFirstStatusOfAnEmptyWorkflowTheStart()
    {
        var session = new DesignerSession(new WorkflowDefinition { Key = "NEW", Name = new("新", "New"), Statuses = [], Transitions = [] });

        var key = session.AddStatus(NewStatus, new DiagramPosition(0, 0));

        Assert.Equal(key, session.Definition.StartStatus?.Key);
    }

    [Fact]
    public void TurnAConnectionIntoATransitionLabelledWithItsTarget()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());

        var key = session.Connect("Closed", "WaitingForAssignment");

        var transition = session.Definition.FindTransition(key!)!;
        Assert.Equal("ClosedToWaitingForAssignment", key);
        Assert.Equal(["Closed"], transition.From);
        Assert.Equal("WaitingForAssignment", transition.To);
        Assert.Equal(session.Definition.FindStatus("WaitingForAssignment")!.Name, transition.Label);
        Assert.NotEmpty(transition.Roles);
        Assert.Equal(DesignerSelection.Transition(key!), session.Selection);
        Assert.Equal("ClosedToWaitingForAssignment1", session.Connect("Closed", "WaitingForAssignment"));
        Assert.Null(session.Connect("Closed", "Nowhere"));
    }

    [Fact]
    public void DeleteAStatusWithTheTransitionsThatOnlyConcernIt()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());
        session.Select(DesignerSelection.Status("OnHold"));

        Assert.True(session.DeleteSelected());

        var definition = session.Definition;
        Assert.Null(definition.FindStatus("OnHold"));
        Assert.Null(definition.FindTransition("Hold"));
        Assert.Null(definition.FindTransition("Resume"));
        Assert.Equal(["WaitingForAssignment", "Assigned", "Locked"], definition.FindTransition("Cancel")!.From);
        Assert.DoesNotContain(definition.SlaClocks, c => c.StopsIn.Contains("OnHold"));
        Assert.Equal(DesignerSelection.Workflow, session.Selection);
    }

    [Fact]
    public void DeleteTheTimersAStatusStarts()
    {
        var onSite = DefaultWorkflows.OnSite();
        var session = new DesignerSession(onSite);
        Assert.Single(onSite.TimersOf("Processed"));
        session.Select(DesignerSelection.Status("Processed"));

        session.DeleteSelected();

        Assert.Null(session.Definition.FindTimer("returnVisitDue"));
    }

    [Fact]
    public void UndoAndRedoEditsWithTheirSelection()
    {
        var original = DefaultWorkflows.OnSite();
        var session = new DesignerSession(original);
        var key = session.AddStatus(NewStatus, new DiagramPosition(0, 0));
        session.Move(key, 200, 100);

        Assert.True(session.Undo());
        Assert.Equal(new DiagramPosition(0, 0), session.Definition.FindStatus(key)!.Position);
        Assert.True(session.Undo());
        Assert.Same(original, session.Definition);
        Assert.Equal(DesignerSelection.Workflow, session.Selection);
        Assert.False(session.CanUndo);

        Assert.True(session.Redo());
        Assert.Equal(DesignerSelection.Status(key), session.Selection);
        Assert.True(session.Redo());
        Assert.Equal(new DiagramPosition(200, 100), session.Definition.FindStatus(key)!.Position);
        Assert.False(session.Redo());
    }

    [Fact]
    public void ForgetTheRedoneEditsOnANewEdit()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());
        session.AddStatus(NewStatus, new DiagramPosition(0, 0));
        session.Undo();

        session.Connect("Closed", "Assigned");

        Assert.False(session.CanRedo);
    }

    [Fact]
    public void IgnoreAnEditThatChangesNothing()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());
        var position = session.Definition.FindStatus("Closed")!.Position!;

        Assert.False(session.Move("Closed", position.X, position.Y));
        Assert.False(session.Apply(session.Definition));
        Assert.False(session.CanUndo);
    }

    [Fact]
    public void RenameANewStatusEverywhereItIsUsed()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());
        var key = session.AddStatus(NewStatus, new DiagramPosition(0, 0));
        var transition = session.Connect("Processed", key)!;
        session.Connect(key, "Closed");

        Assert.True(session.RenameStatus(key, "Verified"));

        Assert.Null(session.Definition.FindStatus(key));
        Assert.Equal("Verified", session.Definition.FindTransition(transition)!.To);
        Assert.Contains(session.Definition.Transitions, t => t.From.SequenceEqual(["Verified"]) && t.To == "Closed");
        Assert.Equal(DesignerSelection.Status("Verified"), session.Selection);
    }

    [Fact]
    public void KeepTheKeyOfASavedStatusThatTransitionsUse()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());

        Assert.False(session.CanRenameStatus("Locked"));
        Assert.False(session.RenameStatus("Locked", "Escalated"));
        Assert.NotNull(session.Definition.FindStatus("Locked"));
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("with space")]
    [InlineData("dash-ed")]
    [InlineData("Assigned")]
    public void RefuseAnInvalidOrTakenStatusKey(string newKey)
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());
        var key = session.AddStatus(NewStatus, new DiagramPosition(0, 0));

        Assert.False(session.RenameStatus(key, newKey));
        Assert.NotNull(session.Definition.FindStatus(key));
    }

    [Fact]
    public void RenameOnlyTransitionsAddedInTheSession()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());
        var key = session.Connect("Closed", "Assigned")!;

        Assert.True(session.RenameTransition(key, "ReopenClosed"));
        Assert.False(session.RenameTransition("Assign", "Dispatch"));
        Assert.NotNull(session.Definition.FindTransition("ReopenClosed"));
    }

    [Fact]
    public void FollowARenamedTimerIntoTheActionsThatStartIt()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());
        var timer = session.AddTimer("Assigned");
        var start = new AfterSales.Workflows.Actions.StartTimerAction { Timer = timer };
        session.Apply(session.Definition.ReplaceTransition("Hold", session.Definition.FindTransition("Hold")! with { Actions = [start] }));

        session.Apply(session.Definition.ReplaceTimer(timer, session.Definition.FindTimer(timer)! with { Key = "holdReminder" }));

        Assert.Equal("holdReminder", ((AfterSales.Workflows.Actions.StartTimerAction)session.Definition.FindTransition("Hold")!.Actions[0]).Timer);
    }

    [Fact]
    public void OutlineTheElementsTheValidatorPointsAt()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite(), DefaultWorkflows.FieldKeys);
        Assert.True(session.Report.IsValid, session.Report.ToString());
        Assert.Empty(session.IssueKeys);

        var key = session.AddStatus(NewStatus, new DiagramPosition(0, 0));
        var transition = session.Connect(key, "Closed")!;
        session.Apply(session.Definition.ReplaceTransition(transition, session.Definition.FindTransition(transition)! with { Roles = [], RequiredFields = ["noSuchField"] }));

        Assert.True(session.Report.Has(ValidationCodes.UnreachableStatus, key));
        Assert.True(session.Report.Has(ValidationCodes.TransitionWithoutRoles, transition));
        Assert.True(session.Report.Has(ValidationCodes.UnknownField, transition));
        Assert.Equal(new HashSet<string> { key, transition }, session.IssueKeys);
    }

    [Fact]
    public void SkipFieldChecksWhenNoFieldsAreKnown()
    {
        var onSite = DefaultWorkflows.OnSite();
        var session = new DesignerSession(onSite.ReplaceTransition("Process", onSite.FindTransition("Process")! with { RequiredFields = ["anything"] }));

        Assert.True(session.Report.IsValid, session.Report.ToString());

        session.KnownFields = DefaultWorkflows.FieldKeys;
        Assert.True(session.Report.Has(ValidationCodes.UnknownField, "Process"));
    }

    [Fact]
    public void SelectTheWorkflowWhenTheSelectedElementIsGone()
    {
        var session = new DesignerSession(DefaultWorkflows.OnSite());

        session.Select(DesignerSelection.Status("Nowhere"));
        Assert.Equal(DesignerSelection.Workflow, session.Selection);

        session.Select(new DesignerSelection(DefinitionElement.Timer, "returnVisitDue"));
        Assert.Equal("returnVisitDue", session.Selection.Key);
    }
}

using AfterSales.Modules.Workflow.Designer;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using Bunit;

namespace AfterSales.Modules.Tests.Workflow;

public sealed class WorkflowDesignerShould : IDisposable
{
    private static readonly IReadOnlyList<DesignerField> Fields = [.. DefaultWorkflows.FieldKeys.Select(k => new DesignerField(k, new(k, k)))];

    private readonly BunitContext context = DesignerComponents.Context();
    private WorkflowDefinition? changed;

    public void Dispose() => context.Dispose();

    private IRenderedComponent<WorkflowDesigner> Render(WorkflowDefinition definition, bool readOnly = false) =>
        context.Render<WorkflowDesigner>(p => p
            .Add(d => d.Definition, definition)
            .Add(d => d.Fields, Fields)
            .Add(d => d.ReadOnly, readOnly)
            .Add(d => d.DefinitionChanged, d => changed = d));

    private DiagramModel LastDrawing() => (DiagramModel)context.JSInterop.Invocations["render"][^1].Arguments[0]!;

    [Fact]
    public void DrawEveryStatusAndOneArrowPerSourceOfATransition()
    {
        var onSite = DefaultWorkflows.OnSite();

        Render(onSite);

        var drawing = LastDrawing();
        Assert.Equal(onSite.Statuses.Count, drawing.Statuses.Count);
        Assert.Equal(onSite.Transitions.Sum(t => t.From.Count), drawing.Edges.Count);
        Assert.Equal(4, drawing.Edges.Count(e => e.Transition == "Cancel"));
        Assert.All(drawing.Edges.Where(e => e.Transition == "LockMissedDate"), e => Assert.True(e.Automatic));
        Assert.True(drawing.Statuses.Single(s => s.Key == "WaitingForAssignment").IsStart);
        Assert.NotNull(drawing.Statuses.Single(s => s.Key == "Processed").Timers);
        Assert.Equal("Waiting for assignment", drawing.Statuses[0].Name);
    }

    [Fact]
    public async Task AddATransitionWhenTheDiagramConnectsTwoStatuses()
    {
        var cut = Render(DefaultWorkflows.OnSite());
        var canvas = cut.FindComponent<WorkflowCanvas>();

        await cut.InvokeAsync(() => canvas.Instance.OnConnectRequested("Closed", "Assigned"));

        Assert.NotNull(changed?.FindTransition("ClosedToAssigned"));
        Assert.Equal("ClosedToAssigned", cut.Find("[data-testid=transition-key]").GetAttribute("value"));
        Assert.Contains(LastDrawing().Edges, e => e.Transition == "ClosedToAssigned" && e.From == "Closed");
    }

    [Fact]
    public async Task MoveAStatusWhereTheDiagramDroppedIt()
    {
        var cut = Render(DefaultWorkflows.OnSite());

        await cut.InvokeAsync(() => cut.FindComponent<WorkflowCanvas>().Instance.OnStatusMoved("Closed", 1200, 320));

        Assert.Equal(new DiagramPosition(1200, 320), changed?.FindStatus("Closed")?.Position);
    }

    [Fact]
    public void UndoAndRedoFromTheToolbar()
    {
        var onSite = DefaultWorkflows.OnSite();
        var cut = Render(onSite);

        cut.Find("[data-testid=designer-add-status]").Click();
        Assert.Equal(onSite.Statuses.Count + 1, changed!.Statuses.Count);
        Assert.NotNull(cut.Find("[data-testid=status-panel]"));

        cut.Find("[data-testid=designer-undo]").Click();
        Assert.Same(onSite, changed);
        Assert.NotNull(cut.Find("[data-testid=workflow-panel]"));

        cut.Find("[data-testid=designer-redo]").Click();
        Assert.Equal(onSite.Statuses.Count + 1, changed!.Statuses.Count);
    }

    [Fact]
    public void KeepItsEditsUntilThePagePassesAnotherDefinition()
    {
        var onSite = DefaultWorkflows.OnSite();
        var cut = Render(onSite);
        cut.Find("[data-testid=designer-add-status]").Click();
        var edited = changed!;

        cut.Render(p => p.Add(d => d.Definition, onSite));
        Assert.Equal(edited.Statuses.Count, LastDrawing().Statuses.Count);
        cut.Render(p => p.Add(d => d.Definition, edited));
        Assert.False(cut.Find("[data-testid=designer-undo]").HasAttribute("disabled"));

        cut.Render(p => p.Add(d => d.Definition, DefaultWorkflows.Consultation()));
        Assert.Equal(DefaultWorkflows.Consultation().Statuses.Count, LastDrawing().Statuses.Count);
        Assert.True(cut.Find("[data-testid=designer-undo]").HasAttribute("disabled"));
    }

    [Fact]
    public void ListIssuesAndSelectTheElementOneIsAbout()
    {
        var onSite = DefaultWorkflows.OnSite();
        var broken = onSite.AddStatus(new StatusDefinition { Key = "Orphan", Name = new("孤立", "Orphan"), Category = StatusCategory.InProgress, Position = new(80, 500) });

        var cut = Render(broken);

        var issue = cut.Find("[data-testid=issue-unreachableStatus]");
        Assert.Contains("Orphan", issue.TextContent);
        Assert.Contains("Orphan", (IEnumerable<string>)context.JSInterop.Invocations["highlight"][^1].Arguments[0]!);
        issue.Click();
        Assert.Equal("Orphan", cut.Find("[data-testid=status-key]").GetAttribute("value"));
    }

    [Fact]
    public void ShowIssuesInChinese()
    {
        using var chinese = DesignerComponents.Context("zh-CN");
        var onSite = DefaultWorkflows.OnSite();

        var cut = chinese.Render<WorkflowDesigner>(p => p.Add(d => d.Definition, onSite with { Statuses = [.. onSite.Statuses.Select(s => s with { IsStart = false })] }));

        Assert.Contains("没有设置起始状态", cut.Find("[data-testid=validation-panel]").TextContent);
    }

    [Fact]
    public void OfferNoEditingWhenReadOnly()
    {
        var cut = Render(DefaultWorkflows.OnSite(), readOnly: true);

        Assert.Empty(cut.FindAll("[data-testid=designer-add-status]"));
        Assert.True(LastDrawing().ReadOnly);
        Assert.True(cut.Find("[data-testid=workflow-name-zh]").HasAttribute("disabled"));
    }
}

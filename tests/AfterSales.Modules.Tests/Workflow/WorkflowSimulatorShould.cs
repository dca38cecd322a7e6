using AfterSales.Modules.Workflow.Designer;
using AfterSales.Workflows.Defaults;
using Bunit;

namespace AfterSales.Modules.Tests.Workflow;

public sealed class WorkflowSimulatorShould : IDisposable
{
    private readonly BunitContext context = DesignerComponents.Context();

    public void Dispose() => context.Dispose();

    [Fact]
    public void StepThroughTheOnSiteWorkflowToLocked()
    {
        var cut = context.Render<WorkflowSimulator>(p => p
            .Add(s => s.Definition, DefaultWorkflows.OnSite())
            .Add(s => s.Fields, [new DesignerField("assigneeId", new("处理人", "Assignee"))]));

        cut.Find("[data-testid=simulator-start]").Click();
        Assert.Contains("Waiting for assignment", cut.Find("[data-testid=simulator-status]").TextContent);

        foreach (var notSolved in new[] { "Fail", "FailAndLock" })
        {
            cut.Find("[data-testid=simulate-Assign]").Click();
            cut.Find("[data-testid=form-field-assigneeId]").Change("eng-1");
            cut.Find("[data-testid=simulator-fire]").Click();
            Assert.Contains("Assigned", cut.Find("[data-testid=simulator-status]").TextContent);
            cut.Find($"[data-testid=simulate-{notSolved}]").Click();
        }

        Assert.Contains("Locked", cut.Find("[data-testid=simulator-status]").TextContent);
        Assert.Equal(5, cut.FindAll("[data-testid=history-entry]").Count);
        var current = context.JSInterop.Invocations["showCurrent"][^1];
        Assert.Equal("Locked", current.Arguments[0]);
    }
}

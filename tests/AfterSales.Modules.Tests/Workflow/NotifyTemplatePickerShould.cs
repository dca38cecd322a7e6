using AfterSales.Modules.Workflow.Designer;
using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Defaults;
using Bunit;
using Radzen.Blazor;

namespace AfterSales.Modules.Tests.Workflow;

/// <summary>The notify action offers the tenant's templates when the page provides them, and a text box otherwise.</summary>
public sealed class NotifyTemplatePickerShould : IDisposable
{
    private static readonly TemplateChoices Templates = new([new("request.assigned", "request.assigned · Assigned"), new("request.locked", "request.locked · Locked")]);

    private readonly BunitContext context = DesignerComponents.Context();
    private WorkflowAction? emitted;

    public void Dispose() => context.Dispose();

    [Fact]
    public async Task OfferTheTenantsTemplatesAndKeepAKeyWithoutOne()
    {
        var cut = context.Render<ActionEditor>(p => p
            .AddCascadingValue(Templates)
            .Add(e => e.Action, new NotifyAction { Recipients = [Recipient.Assignee], Template = "imported.key" })
            .Add(e => e.Definition, DefaultWorkflows.OnSite())
            .Add(e => e.ActionChanged, a => emitted = a));
        var picker = cut.FindComponent<RadzenDropDown<string>>();

        var offered = Assert.IsAssignableFrom<IEnumerable<Choice<string>>>(picker.Instance.Data).Select(c => c.Value).ToList();
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync("request.locked"));

        Assert.Equal(["request.assigned", "request.locked", "imported.key"], offered);
        Assert.Equal("request.locked", Assert.IsType<NotifyAction>(emitted).Template);
        Assert.Empty(cut.FindAll("input.rz-textbox"));
    }

    [Fact]
    public void LetTheKeyBeTypedWithoutTheTenantsTemplates()
    {
        var cut = context.Render<ActionEditor>(p => p
            .Add(e => e.Action, new NotifyAction { Recipients = [Recipient.Assignee], Template = "request.assigned" })
            .Add(e => e.Definition, DefaultWorkflows.OnSite()));

        Assert.Empty(cut.FindComponents<RadzenDropDown<string>>());
        Assert.Equal("request.assigned", cut.Find("input.rz-textbox").GetAttribute("value"));
    }
}

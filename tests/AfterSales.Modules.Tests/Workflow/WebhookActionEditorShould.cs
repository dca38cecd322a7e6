using AfterSales.Modules.Workflow.Designer;
using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Defaults;
using Bunit;
using Radzen.Blazor;

namespace AfterSales.Modules.Tests.Workflow;

/// <summary>The "call webhook" action offers the tenant's endpoints by name instead of a free address.</summary>
public sealed class WebhookActionEditorShould : IDisposable
{
    private static readonly WebhookTargets Targets = new([new("endpoint:ERP", "ERP (Your system)"), new("endpoint:钉钉群", "钉钉群 (DingTalk group robot)")]);

    private readonly BunitContext context = DesignerComponents.Context();
    private WorkflowAction? changed;

    public void Dispose() => context.Dispose();

    private IRenderedComponent<RadzenDropDown<string>> Target(CallWebhookAction action) =>
        context.Render<ActionEditor>(p => p
            .AddCascadingValue(Targets)
            .Add(e => e.Action, action)
            .Add(e => e.Definition, DefaultWorkflows.OnSite())
            .Add(e => e.ActionChanged, a => changed = a))
            .FindComponent<RadzenDropDown<string>>();

    [Fact]
    public void OfferEveryListeningEndpointAndTheTenantsEndpointsByName()
    {
        var target = Target(new CallWebhookAction { Url = "endpoint:ERP", Event = "request.locked" });

        var offered = Offered(target).Select(c => c.Value);
        Assert.Equal([WebhookTargets.Listeners, "endpoint:ERP", "endpoint:钉钉群"], offered);

        target.InvokeAsync(() => target.Instance.ValueChanged.InvokeAsync("endpoint:钉钉群"));
        Assert.Equal(new CallWebhookAction { Url = "endpoint:钉钉群", Event = "request.locked" }, changed);
    }

    [Fact]
    public void KeepATargetTheDefinitionAlreadyNames()
    {
        var target = Target(new CallWebhookAction { Url = "https://erp.example/hook" });

        Assert.Contains(Offered(target), c => c.Value == "https://erp.example/hook");
    }

    private static IEnumerable<Choice<string>> Offered(IRenderedComponent<RadzenDropDown<string>> target) => (IEnumerable<Choice<string>>)target.Instance.Data!;
}

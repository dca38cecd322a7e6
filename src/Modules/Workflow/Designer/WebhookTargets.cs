namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// The tenant's webhook endpoints a "call webhook" action may name, cascaded by the page that hosts the designer; without it the
/// action's target is typed.
/// </summary>
/// <param name="Endpoints">Each endpoint as its reference (<c>endpoint:{name}</c>) and a label.</param>
public sealed record WebhookTargets(IReadOnlyList<Choice<string>> Endpoints)
{
    /// <summary>The target that names no endpoint: only the endpoints listening to the action's event get it.</summary>
    public const string Listeners = AfterSales.Modules.Webhooks.WebhookHandler.Listeners;
}

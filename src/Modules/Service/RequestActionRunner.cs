using AfterSales.Modules.Shared;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.Localization;
using Radzen;

namespace AfterSales.Modules.Service;

/// <summary>
/// Takes a request through one workflow transition as staff do it from the request page or by dragging its card on the
/// board: opens the transition form, fires it against the state the user saw, and says how it went.
/// </summary>
public sealed class RequestActionRunner(
    RequestWorkflow workflow, DialogService dialogs, NotificationService notifications, IStringLocalizer<ServiceText> text, IStringLocalizer<Strings> common)
{
    /// <param name="initial">Values the form starts with.</param>
    /// <returns>What became of the transition; null when the user cancelled the form.</returns>
    public async Task<ActionStatus?> RunAsync(RequestDetail request, AvailableTransition transition, RequestActor actor,
        IReadOnlyDictionary<string, string?>? initial = null)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var label = transition.Label.For(culture);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(TransitionDialog.Schema)] = await workflow.FormAsync(request.Id, transition),
            [nameof(TransitionDialog.Label)] = label,
            [nameof(TransitionDialog.Initial)] = initial,
            [nameof(TransitionDialog.Fire)] = (Func<IReadOnlyDictionary<string, string?>, string?, Task<TransitionOutcome>>)((values, note) =>
                workflow.FireAsync(request.Number, transition.Key, values, note, request.ConcurrencyStamp, actor)),
        };
        if (await dialogs.OpenAsync<TransitionDialog>(label, parameters, new DialogOptions { Width = "560px" }) is not TransitionOutcome outcome)
        {
            return null;
        }

        switch (outcome.Status)
        {
            case ActionStatus.Done:
                notifications.Notify(NotificationSeverity.Success, text["Action.Done"]);
                break;
            case ActionStatus.Conflict:
                notifications.Notify(NotificationSeverity.Warning, common["Common.ConcurrencyConflict"]);
                break;
            case ActionStatus.NotAllowed:
                notifications.Notify(NotificationSeverity.Warning, outcome.Refusal?.For(culture) ?? text["Action.NotAllowed"]);
                break;
        }

        return outcome.Status;
    }
}

using AfterSales.Modules.Shared;
using Microsoft.Extensions.Localization;
using Radzen;

namespace AfterSales.Modules.Service;

/// <summary>
/// Takes a request through one action as staff do it from the request page or by dragging its card on the board: asks for
/// what the action needs (whom to assign, a note), applies it against the state the user saw, and says how it went.
/// </summary>
public sealed class RequestActionRunner(
    RequestDesk desk, DialogService dialogs, NotificationService notifications, IStringLocalizer<ServiceText> text, IStringLocalizer<Strings> common)
{
    /// <returns>What became of the action; null when the user cancelled the dialog.</returns>
    public async Task<ActionStatus?> RunAsync(string number, RequestAction action, string loadedStamp, RequestActor actor)
    {
        var parameters = new Dictionary<string, object?>
        {
            [nameof(RequestActionDialog.Action)] = action,
            [nameof(RequestActionDialog.Engineers)] = action == RequestAction.Assign ? await desk.EngineersAsync() : null,
        };
        if (await dialogs.OpenAsync<RequestActionDialog>(text["Action." + action], parameters, new DialogOptions { Width = "480px" })
            is not RequestActionDialog.Choice choice)
        {
            return null;
        }

        var result = await desk.ApplyAsync(number, action, loadedStamp, actor, choice.AssigneeId, choice.Note);
        switch (result.Status)
        {
            case ActionStatus.Done:
                notifications.Notify(NotificationSeverity.Success, text["Action.Done"]);
                break;
            case ActionStatus.Conflict:
                notifications.Notify(NotificationSeverity.Warning, common["Common.ConcurrencyConflict"]);
                break;
            case ActionStatus.NotAllowed:
                notifications.Notify(NotificationSeverity.Warning, text["Action.NotAllowed"]);
                break;
            case ActionStatus.Invalid:
                notifications.Notify(NotificationSeverity.Error, text[result.ErrorKey!]);
                break;
        }

        return result.Status;
    }
}

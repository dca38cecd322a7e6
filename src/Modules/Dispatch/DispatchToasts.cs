using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.Localization;
using Radzen;

namespace AfterSales.Modules.Dispatch;

/// <summary>How an assignment from the board or the request page went, said the same way in both places.</summary>
public static class DispatchToasts
{
    public static void Show(NotificationService notifications, IStringLocalizer<DispatchText> text, IStringLocalizer<Strings> common, BoardAssignment result, string number)
    {
        var (severity, message) = result switch
        {
            { Status: ActionStatus.Done, Engineer: { } engineer } => (NotificationSeverity.Success, text["Board.AssignedTo", number, engineer.Name].Value),
            { Status: ActionStatus.Done } => (NotificationSeverity.Success, text["Board.Assigned", number].Value),
            { NoRule: true } => (NotificationSeverity.Warning, text["Board.NoRule", number].Value),
            { Status: ActionStatus.Conflict } => (NotificationSeverity.Warning, common["Common.ConcurrencyConflict"].Value),
            { Status: ActionStatus.NotFound } => (NotificationSeverity.Warning, text["Board.Gone", number].Value),
            _ => (NotificationSeverity.Warning, text["Board.CannotAssign", number].Value),
        };
        notifications.Notify(severity, message, duration: 8000);
    }
}

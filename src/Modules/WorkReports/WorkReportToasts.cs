using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.Localization;
using Radzen;

namespace AfterSales.Modules.WorkReports;

/// <summary>How a verification went, said the same way on the request page and in the manager's list.</summary>
public static class WorkReportToasts
{
    public static void Verified(NotificationService notifications, IStringLocalizer<WorkReportText> text, IStringLocalizer<Strings> common, ActionResult result, bool accepted)
    {
        var (severity, message) = result.Status switch
        {
            ActionStatus.Done => (NotificationSeverity.Success, text[accepted ? "Verify.Accepted" : "Verify.Returned"].Value),
            ActionStatus.Conflict => (NotificationSeverity.Warning, common["Common.ConcurrencyConflict"].Value),
            ActionStatus.Invalid when result.ErrorKey is { } key => (NotificationSeverity.Warning, text[key].Value),
            _ => (NotificationSeverity.Warning, text["Verify.NotAllowed"].Value),
        };
        notifications.Notify(severity, message, duration: 6000);
    }
}

/// <summary>Amounts as the tenant's staff read them: two decimals, grouped, no currency sign (the tenant invoices in its own).</summary>
public static class WorkReportFormat
{
    public static string Money(decimal amount) => amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}

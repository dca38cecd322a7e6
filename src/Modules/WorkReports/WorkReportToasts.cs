using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.Localization;
using Radzen;

namespace AfterSales.Modules.WorkReports;

/// <summary>A verification asked for and said the same way on the request page and in the manager's list.</summary>
public static class WorkReportToasts
{
    /// <summary>Opens the dialog for accepting or returning <paramref name="report"/> and, when confirmed, verifies it and says how it went.</summary>
    /// <returns>Whether the user confirmed, so the caller reloads only then.</returns>
    public static async Task<bool> VerifyAsync(DialogService dialogs, NotificationService notifications, WorkReportBook book, IStringLocalizer<WorkReportText> text,
        IStringLocalizer<Strings> common, WorkReport report, bool accept, Func<Task<RequestActor>> actor)
    {
        var parameters = new Dictionary<string, object?> { [nameof(VerifyDialog.Accept)] = accept, [nameof(VerifyDialog.Report)] = report };
        if (await dialogs.OpenAsync<VerifyDialog>(text[accept ? "Verify.AcceptTitle" : "Verify.ReturnTitle", report.RequestNumber, report.Visit], parameters,
                new DialogOptions { Width = "480px" }) is string note)
        {
            var result = await book.VerifyAsync(report.Id, accept, note, report.ConcurrencyStamp, await actor());
            Verified(notifications, text, common, result, accept);
            return true;
        }

        return false;
    }

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

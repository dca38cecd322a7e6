using AfterSales.Modules.Shared;
using Microsoft.Extensions.Localization;
using Radzen;

namespace AfterSales.Modules.Visits;

/// <summary>Tells the service desk how answering a visit went.</summary>
public static class VisitToasts
{
    public static void Show(NotificationService notifications, IStringLocalizer<VisitText> v, IStringLocalizer<Strings> t, VisitOutcome outcome)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var (severity, message) = outcome.Status switch
        {
            VisitRecordStatus.Recorded => (NotificationSeverity.Success, v[outcome.Step == SatisfactionRule.CloseTransition ? "Visit.Done.Closed" : "Visit.Done.Reopened"].Value),
            VisitRecordStatus.RecordedWithoutStep => (NotificationSeverity.Warning,
                v[outcome.StepNeedsForm ? "Visit.Done.StepNeedsForm" : "Visit.Done.StepMissing", v["Step." + outcome.Step]].Value
                + (outcome.Refusal is { } refusal ? " " + refusal.For(culture) : "")),
            VisitRecordStatus.Cancelled => (NotificationSeverity.Info, v["Visit.Cancelled"].Value),
            VisitRecordStatus.AlreadyAnswered => (NotificationSeverity.Warning, v["Visit.AlreadyAnswered"].Value),
            VisitRecordStatus.Conflict => (NotificationSeverity.Warning, t["Common.ConcurrencyConflict"].Value),
            VisitRecordStatus.NotAllowed => (NotificationSeverity.Warning, v["Visit.NotAllowed"].Value),
            _ => (NotificationSeverity.Warning, v["Visit.NotFound"].Value),
        };
        notifications.Notify(new NotificationMessage { Severity = severity, Summary = message, Duration = severity == NotificationSeverity.Success ? 4000 : 10000 });
    }
}

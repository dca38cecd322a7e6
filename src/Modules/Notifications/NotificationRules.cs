using System.Net;
using System.Text.RegularExpressions;

namespace AfterSales.Modules.Notifications;

/// <summary>How templates are written and filled: <c>{{placeholder}}</c> replaced by the request's values.</summary>
public static partial class NotificationRules
{
    public const int KeyLength = 64;
    public const int SubjectLength = 200;
    public const int BodyLength = 2000;

    /// <summary>The values a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
        ["number", "subject", "status", "type", "priority", "customer", "assignee", "actor", "company", "link", Visits.VisitLinkPlaceholder.Name];

    /// <summary>The text with every placeholder replaced; HTML-escaped values for an e-mail body.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values, bool html = false) =>
        Placeholder().Replace(template, match =>
        {
            var value = values.GetValueOrDefault(match.Groups["name"].Value) ?? "";
            return html ? WebUtility.HtmlEncode(value) : value;
        });

    /// <summary>Placeholders a template uses that do not exist, for the admin's error message.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Where(n => !Placeholders.Contains(n)).Distinct().ToList();

    /// <summary>An e-mail body from a template's plain text: escaped, with line breaks kept.</summary>
    public static string Html(string template, IReadOnlyDictionary<string, string?> values) =>
        string.Join("<br>", Render(WebUtility.HtmlEncode(template), values, html: true).Split('\n'));

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: 1 minute, 5, 30, 2 hours; none after the fifth failure.</summary>
    public static TimeSpan? Backoff(int attempts) => attempts switch
    {
        1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        4 => TimeSpan.FromHours(2),
        _ => null,
    };

    /// <summary>
    /// Records a failed attempt: tried again after the back-off (<see cref="Backoff"/> unless the delivery's feature has its own
    /// <paramref name="backoff"/>), or failed for good after the last.
    /// </summary>
    public static void Fail(IRetriedDelivery delivery, string error, DateTimeOffset now, Func<int, TimeSpan?>? backoff = null)
    {
        delivery.Attempts++;
        delivery.LastError = error.Length > 1000 ? error[..1000] : error;
        if ((backoff ?? Backoff)(delivery.Attempts) is { } wait)
        {
            delivery.NextAttemptAt = (now + wait).ToUniversalTime();
        }
        else
        {
            delivery.Status = DeliveryStatus.Failed;
        }
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z]+)\s*\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>A row an outbox poll delivers and retries: a notification, a webhook call.</summary>
public interface IRetriedDelivery
{
    int Attempts { get; set; }
    string? LastError { get; set; }
    DateTimeOffset NextAttemptAt { get; set; }
    DeliveryStatus Status { get; set; }
}

using System.Text.RegularExpressions;

namespace AfterSales.Modules.Billing;

/// <summary>Finds the billing page's address in a refusal's text, so pages can show it as a link.</summary>
public static partial class PlanLimitLinks
{
    public static IEnumerable<(string Text, bool IsLink)> Split(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var at = 0;
        foreach (Match match in BillingAddress().Matches(text))
        {
            if (match.Index > at)
            {
                yield return (text[at..match.Index], false);
            }

            yield return (match.Value, true);
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            yield return (text[at..], false);
        }
    }

    [GeneratedRegex(@"(https?://[^\s/]+)?/t/[a-z0-9-]+/admin/billing")]
    private static partial Regex BillingAddress();
}

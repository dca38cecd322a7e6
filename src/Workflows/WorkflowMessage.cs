using System.Globalization;

namespace AfterSales.Workflows;

/// <summary>
/// A message for people, in both languages the product ships with, plus a stable code so the host can
/// re-localise it or match on it without parsing text.
/// </summary>
/// <param name="Code">Stable identifier, e.g. <c>workflow.transition.roleNotAllowed</c>.</param>
/// <param name="En">English text.</param>
/// <param name="Zh">Simplified Chinese text.</param>
public sealed record WorkflowMessage(string Code, string En, string Zh)
{
    /// <summary>The text for <paramref name="culture"/>: Chinese for any <c>zh</c> culture, English otherwise.</summary>
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? Zh : En;

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {En}";
}

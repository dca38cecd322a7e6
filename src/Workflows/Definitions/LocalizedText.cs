using System.Globalization;

namespace AfterSales.Workflows.Definitions;

/// <summary>A label in Simplified Chinese and English, the two languages every tenant sees.</summary>
/// <param name="Zh">Simplified Chinese.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>The text for <paramref name="culture"/>: Chinese for any <c>zh</c> culture, English otherwise.</summary>
    public string For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh" ? Zh : En;

    /// <inheritdoc />
    public override string ToString() => En;
}

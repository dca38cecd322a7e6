using System.Globalization;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Forms;

internal static class LocalizerExtensions
{
    /// <summary>A text in a named culture, for labels a new field starts with in both languages at once.</summary>
    public static string WithCulture(this IStringLocalizer localizer, string culture, string key)
    {
        var current = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return localizer[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
    }
}

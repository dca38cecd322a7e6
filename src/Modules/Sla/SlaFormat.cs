using System.Globalization;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Sla;

/// <summary>Targets as admins think of them: hours, with a fraction only when there is one.</summary>
public static class SlaFormat
{
    public static string Hours(int minutes, IStringLocalizer<SlaText> text) =>
        $"{(minutes / 60m).ToString("0.##", CultureInfo.CurrentCulture)} {text["Sla.HoursUnit"]}";
}

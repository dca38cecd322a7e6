using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Reports;

/// <summary>Names of grouped values that are keys in the data (warranty states).</summary>
public static class ReportLabels
{
    public static string Warranty(IStringLocalizer<ReportText> text, string state) => string.IsNullOrEmpty(state) ? text["Warranty.NoUnit"] : text["Warranty." + state];
}

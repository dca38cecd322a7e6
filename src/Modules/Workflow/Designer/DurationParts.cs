using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>Converts between a duration and the whole amount and unit it is entered as.</summary>
public static class DurationParts
{
    /// <summary>The largest unit that holds <paramref name="value"/> whole; <paramref name="fallback"/> unit when there is no value.</summary>
    public static (int? Amount, DurationUnit Unit) Split(TimeSpan? value, DurationUnit fallback) => value switch
    {
        null => (null, fallback),
        { } v when v.Ticks % TimeSpan.TicksPerDay == 0 && v != TimeSpan.Zero => ((int)v.TotalDays, DurationUnit.Days),
        { } v when v.Ticks % TimeSpan.TicksPerHour == 0 && v != TimeSpan.Zero => ((int)v.TotalHours, DurationUnit.Hours),
        { } v => ((int)Math.Round(v.TotalMinutes), DurationUnit.Minutes),
    };

    /// <summary>The duration of <paramref name="amount"/> <paramref name="unit"/>; null when empty, or zero and <paramref name="optional"/>.</summary>
    public static TimeSpan? Join(int? amount, DurationUnit unit, bool optional) => amount switch
    {
        null => null,
        0 when optional => null,
        { } a => unit switch
        {
            DurationUnit.Minutes => TimeSpan.FromMinutes(a),
            DurationUnit.Hours => TimeSpan.FromHours(a),
            _ => TimeSpan.FromDays(a),
        },
    };

    /// <summary>The duration as it is entered, e.g. "3 days" / "3 天".</summary>
    public static string Describe(TimeSpan value, IStringLocalizer workflow)
    {
        var (amount, unit) = Split(value.Duration(), DurationUnit.Hours);
        return $"{amount} {workflow["Designer.Duration." + unit]}";
    }
}

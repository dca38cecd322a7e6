namespace AfterSales.Modules.Reports;

/// <summary>How long something took over a set of requests: how many, median and average, in hours.</summary>
public sealed record Duration(int Count, double? MedianHours, double? AverageHours)
{
    public static Duration Of(IEnumerable<TimeSpan> spans)
    {
        var hours = spans.Where(s => s >= TimeSpan.Zero).Select(s => s.TotalHours).Order().ToArray();
        if (hours.Length == 0)
        {
            return new Duration(0, null, null);
        }

        var middle = hours.Length / 2;
        var median = hours.Length % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2;
        return new Duration(hours.Length, Math.Round(median, 2), Math.Round(hours.Average(), 2));
    }
}

/// <summary>A share in per cent with one decimal, or null when there is nothing to share.</summary>
public static class Percent
{
    public static double? Of(int part, int whole) => whole == 0 ? null : Math.Round(100d * part / whole, 1);

    public static string Format(double? value) => value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";
}

using System.Globalization;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.WebUtilities;

namespace AfterSales.Modules.Reports;

public enum ReportBucket
{
    Day,
    Week,
    Month,
}

/// <summary>
/// A report's conditions as its URL carries them (<c>?from=2026-01-01&amp;to=2026-01-31&amp;type=…&amp;model=KT-35&amp;region=华东&amp;engineer=…&amp;by=week</c>),
/// so the page, its export and its printout show the same figures. Days are the tenant's calendar days, both ends included.
/// </summary>
public sealed record ReportFilter(
    DateOnly From, DateOnly To, Guid? TypeId = null, string? ModelCode = null, string? Region = null, string? EngineerId = null,
    ReportBucket Bucket = ReportBucket.Day)
{
    /// <summary>Two years: the longest period a report groups by day without the chart becoming a smear.</summary>
    public const int MaxDays = 731;

    public bool IsValid => To >= From && To.DayNumber - From.DayNumber < MaxDays;

    /// <summary>The last 30 days up to <paramref name="today"/>.</summary>
    public static ReportFilter Default(DateOnly today) => new(today.AddDays(-29), today);

    public static ReportFilter FromQuery(string? queryString, DateOnly today)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        string? Get(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
        DateOnly? Date(string key) => DateOnly.TryParseExact(Get(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var fallback = Default(today);
        return new ReportFilter(
            Date("from") ?? fallback.From,
            Date("to") ?? fallback.To,
            Guid.TryParse(Get("type"), out var type) ? type : null,
            Get("model"),
            Get("region"),
            Get("engineer"),
            Enum.TryParse<ReportBucket>(Get("by"), true, out var bucket) ? bucket : ReportBucket.Day);
    }

    public string ToQueryString()
    {
        var parts = new List<string>
        {
            "from=" + From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "to=" + To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("type", TypeId?.ToString());
        Add("model", ModelCode);
        Add("region", Region);
        Add("engineer", EngineerId);
        Add("by", Bucket == ReportBucket.Day ? null : Bucket.ToString().ToLowerInvariant());
        return "?" + string.Join('&', parts);
    }

    /// <summary>The period as UTC instants, from the first day's midnight to the midnight after the last, in the tenant's time zone.</summary>
    public (DateTimeOffset From, DateTimeOffset Until) Instants(TenantInfo? tenant) => (Midnight(From, tenant), Midnight(To.AddDays(1), tenant));

    public static DateTimeOffset Midnight(DateOnly day, TenantInfo? tenant) => tenant.MidnightUtc(day);

    /// <summary>The first day of the bucket <paramref name="day"/> falls in (weeks start on Monday, as in China).</summary>
    public static DateOnly BucketStart(DateOnly day, ReportBucket bucket) => bucket switch
    {
        ReportBucket.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        ReportBucket.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>Every bucket of the period in order, so days without requests show as zero rather than missing.</summary>
    public IEnumerable<DateOnly> Buckets()
    {
        for (var start = BucketStart(From, Bucket); start <= To; start = Bucket switch
             {
                 ReportBucket.Week => start.AddDays(7),
                 ReportBucket.Month => start.AddMonths(1),
                 _ => start.AddDays(1),
             })
        {
            yield return start;
        }
    }

    public string BucketLabel(DateOnly start) => Bucket switch
    {
        ReportBucket.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

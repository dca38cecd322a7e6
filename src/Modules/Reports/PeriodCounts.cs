using AfterSales.Modules.Shared;
using AfterSales.Tenancy;

namespace AfterSales.Modules.Reports;

/// <summary>A count per bucket of the period; every bucket is there, so quiet days show as zero.</summary>
public sealed record PeriodCount(DateOnly Start, string Label, int Count);

internal static class PeriodCounts
{
    /// <summary>Instants put in the filter's buckets by the tenant's calendar day; instants outside the period are left out.</summary>
    public static IReadOnlyList<PeriodCount> Of(ReportFilter filter, TenantInfo? tenant, IEnumerable<DateTimeOffset> instants) =>
        Of(filter, instants.Select(at => DateOnly.FromDateTime(at.ToTenantTime(tenant).DateTime)));

    public static IReadOnlyList<PeriodCount> Of(ReportFilter filter, IEnumerable<DateOnly> days)
    {
        var counts = days.Where(d => d >= filter.From && d <= filter.To).GroupBy(d => ReportFilter.BucketStart(d, filter.Bucket)).ToDictionary(g => g.Key, g => g.Count());
        return filter.Buckets().Select(start => new PeriodCount(start, filter.BucketLabel(start), counts.GetValueOrDefault(start))).ToList();
    }

    /// <summary>Rows grouped by a name, most first, with their share of the whole; an empty name is the "none" row.</summary>
    public static IReadOnlyList<NamedCount> Named(IEnumerable<string?> names)
    {
        var list = names.Select(n => n?.Trim() ?? "").ToList();
        return list.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Select(g => new NamedCount(g.First(), g.First(), g.Count(), Percent.Of(g.Count(), list.Count)))
            .OrderByDescending(n => n.Count).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
    }
}

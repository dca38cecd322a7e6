using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AfterSales.Benchmarks;

/// <summary>The p95 relative to the baseline's p95 (BenchmarkDotNet's own Ratio column compares means).</summary>
public sealed class P95RatioColumn : IColumn
{
    public string Id => nameof(P95RatioColumn);
    public string ColumnName => "P95 Ratio";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Baseline;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "95th percentile of a call relative to the baseline's";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.HasBaselines();

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var own = summary[benchmarkCase]?.ResultStatistics?.Percentiles.P95;
        var theirs = baseline is null ? null : summary[baseline]?.ResultStatistics?.Percentiles.P95;
        return own is { } a && theirs is { } b && b > 0 ? (a / b).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "?";
    }
}

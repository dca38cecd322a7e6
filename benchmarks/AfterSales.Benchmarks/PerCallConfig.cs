using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace AfterSales.Benchmarks;

/// <summary>
/// One call per measured iteration, so that BenchmarkDotNet's percentiles are percentiles of single calls (as a user
/// waits for them), not of averages over thousands of calls; outliers are kept, since the tail is what a p95 is about.
/// No forced collection after each call: a server does not collect after every request, and a full GC per call
/// leaves caches cold and tripled the median.
/// </summary>
public sealed class PerCallConfig : ManualConfig
{
    public const int Calls = 1_000;

    /// <summary>Calls a benchmark's setup makes before measuring; tiered JIT needs thousands, not BenchmarkDotNet's few warm-up iterations.</summary>
    public const int WarmUpCalls = 3_000;

    public PerCallConfig()
    {
        AddJob(Job.Default
            .WithId("PerCall")
            .WithGcServer(true)
            .WithGcForce(false)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(200)
            .WithIterationCount(Calls)
            .WithOutlierMode(OutlierMode.DontRemove));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P95RatioColumn(), StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByParams);
    }
}

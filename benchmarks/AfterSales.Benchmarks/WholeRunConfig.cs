using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace AfterSales.Benchmarks;

/// <summary>
/// A handful of whole runs (an import, a poll) after one warm-up run: each takes seconds, so a p95 over them would mean little;
/// min, median and max are shown.
/// </summary>
public sealed class WholeRunConfig : ManualConfig
{
    public WholeRunConfig()
    {
        AddJob(Job.Default
            .WithId("WholeRun")
            .WithStrategy(RunStrategy.Monitoring)
            .WithGcServer(true)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(1)
            .WithIterationCount(5));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

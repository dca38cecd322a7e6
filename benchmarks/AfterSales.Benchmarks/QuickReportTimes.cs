using System.Diagnostics;

namespace AfterSales.Benchmarks;

/// <summary>
/// <c>--quick-reports [runs]</c>: each report of <see cref="ReportQueries"/> run in this process a few times after one warm-up,
/// timed with a stopwatch. For profiling between changes, in seconds rather than BenchmarkDotNet's minutes; the published
/// figures come from BenchmarkDotNet.
/// </summary>
internal static class QuickReportTimes
{
    public const string Switch = "--quick-reports";

    public static async Task RunAsync(int runs)
    {
        var queries = new ReportQueries();
        await queries.SetUpAsync();
        try
        {
            (string Name, Func<Task> Run)[] reports =
            [
                ("service analysis", () => queries.ServiceAnalysis()),
                ("response and resolution", () => queries.Resolution()),
                ("engineers", () => queries.Engineers()),
                ("charges", () => queries.Charges()),
                ("manager dashboard", () => queries.ManagerDashboard()),
            ];
            foreach (var (name, run) in reports)
            {
                await run();
                var times = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    await run();
                    times.Add(stopwatch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine($"{name,-25} min {times[0],7:F0} ms  median {times[times.Count / 2],7:F0} ms  max {times[^1],7:F0} ms  ({runs} runs)");
            }
        }
        finally
        {
            await queries.CleanUpAsync();
        }
    }
}

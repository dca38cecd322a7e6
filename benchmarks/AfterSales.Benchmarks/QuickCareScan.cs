namespace AfterSales.Benchmarks;

/// <summary>
/// <c>--quick-care [runs]</c>: <see cref="CareReminderScan"/>'s setup and runs in this process, without BenchmarkDotNet, each run
/// printing its own time, heap peak and counts. For profiling between changes; the published figures come from BenchmarkDotNet.
/// </summary>
internal static class QuickCareScan
{
    public const string Switch = "--quick-care";

    public static async Task RunAsync(int runs)
    {
        var scan = new CareReminderScan();
        await scan.SetUpAsync();
        try
        {
            for (var i = 0; i < runs; i++)
            {
                scan.Restore();
                await scan.DailyScan();
                scan.Report();
            }
        }
        finally
        {
            await scan.CleanUpAsync();
        }
    }
}

using System.Globalization;
using AfterSales.Modules.Reports;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// Each report as its page runs it, over the last year of one tenant with 100,000 requests (two years of history with their
/// work reports, return visits and events), in its own tenant scope: the target is under a second on SQLite.
/// </summary>
[Config(typeof(WholeRunConfig))]
[UsesDatasets("reports-10x100000")]
public class ReportQueries
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private BenchmarkApp? _app;
    private ReportFilter _year = default!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _app = BenchmarkApp.Open(Dataset.ReportsTenTenants.ReadyPath());
        await using var scope = await _app.RequestScopeAsync(Dataset.FirstTenant);
        var today = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant.TodayFor(DateTimeOffset.UtcNow);
        _year = new ReportFilter(today.AddDays(-364), today, Bucket: ReportBucket.Week);
        if ((await scope.ServiceProvider.GetRequiredService<ServiceAnalysis>().RunAsync(_year, Chinese)).Total == 0)
        {
            throw new InvalidOperationException("The last year of the dataset has no requests.");
        }
    }

    [Benchmark(Description = "service analysis, 1 year by week")]
    public Task<ServiceAnalysisResult> ServiceAnalysis() => RunAsync(sp => sp.GetRequiredService<ServiceAnalysis>().RunAsync(_year, Chinese));

    [Benchmark(Description = "response and resolution, 1 year")]
    public Task<ResolutionResult> Resolution() => RunAsync(sp => sp.GetRequiredService<ResolutionReport>().RunAsync(_year, Chinese));

    [Benchmark(Description = "engineers, 1 year")]
    public Task<IReadOnlyList<EngineerRow>> Engineers() => RunAsync(sp => sp.GetRequiredService<EngineerRanking>().RunAsync(_year));

    [Benchmark(Description = "charges, 1 year by week")]
    public Task<ChargesResult> Charges() => RunAsync(sp => sp.GetRequiredService<ChargesReport>().RunAsync(_year));

    [Benchmark(Description = "manager dashboard")]
    public Task<ManagerFigures> ManagerDashboard() => RunAsync(sp => sp.GetRequiredService<DashboardFigures>().ManagerAsync(Chinese));

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> report)
    {
        await using var scope = await _app!.RequestScopeAsync(Dataset.FirstTenant);
        return await report(scope.ServiceProvider);
    }
}

using AfterSales.Modules.Shared;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// Records every progress report as it is made (Progress&lt;T&gt; would post them later, out of order with the work),
/// and can run an action on a report, e.g. cancel part-way.
/// </summary>
public sealed class ProgressLog(Action<ImportProgress>? onReport = null) : IProgress<ImportProgress>
{
    private readonly List<ImportProgress> _reports = [];

    public IReadOnlyList<ImportProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public IReadOnlyList<ImportProgress> Of(ImportPhase phase) => Reports.Where(r => r.Phase == phase).ToList();

    public void Report(ImportProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}

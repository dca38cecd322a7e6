using AfterSales.Modules.Forms;
using AfterSales.Modules.Service;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// The first page (20 rows, as the grid asks) of the service-request list through <see cref="RequestDesk.SearchAsync"/>, filtered by
/// status and the on-site form's <c>mounting</c> field and sorted by date (newest first): total count, page, owners and type names,
/// each call in its own tenant scope. Statuses and tenants rotate over every tenant of the dataset.
/// </summary>
[Config(typeof(PerCallConfig))]
[UsesDatasets("requests-1x1000", "requests-1000x1000")]
public class RequestList
{
    /// <summary>The lists a desk keeps open: the queue, the work in hand, the manager's locked ones, and the archive.</summary>
    public static readonly string[] Statuses = [RequestStatuses.WaitingForAssignment, RequestStatuses.Assigned, RequestStatuses.Locked, RequestStatuses.Closed];

    private static readonly FieldFilter[] WallMounted = [new("mounting", FieldKind.SingleSelect, "wall")];

    private BenchmarkApp? _app;
    private List<Samples.TenantStatus> _samples = [];
    private int _next;

    [GlobalSetup(Target = nameof(OneTenantDb))]
    public Task SetUpOneTenantAsync() => SetUpAsync(Dataset.RequestsOneTenant, WallMounted);

    [GlobalSetup(Target = nameof(ThousandTenantDb))]
    public Task SetUpThousandTenantsAsync() => SetUpAsync(Dataset.RequestsThousandTenants, WallMounted);

    [GlobalSetup(Target = nameof(ThousandTenantDbStatusOnly))]
    public Task SetUpStatusOnlyAsync() => SetUpAsync(Dataset.RequestsThousandTenants, null);

    [Benchmark(Baseline = true, Description = "status + mounting=wall, 1 tenant × 1,000 requests")]
    public Task<RequestPage> OneTenantDb() => PageAsync(_samples[_next++ % _samples.Count], WallMounted);

    [Benchmark(Description = "status + mounting=wall, 1,000 tenants × 1,000 requests")]
    public Task<RequestPage> ThousandTenantDb() => PageAsync(_samples[_next++ % _samples.Count], WallMounted);

    [Benchmark(Description = "status only, 1,000 tenants × 1,000 requests")]
    public Task<RequestPage> ThousandTenantDbStatusOnly() => PageAsync(_samples[_next++ % _samples.Count], null);

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task SetUpAsync(Dataset dataset, IReadOnlyList<FieldFilter>? fields)
    {
        _app = BenchmarkApp.Open(dataset.ReadyPath());
        _samples = Samples.TenantStatuses(dataset.ReadyPath(), Statuses);
        // Pages that are all empty would time nothing. The calls also bring the process to the state of a running host:
        // tenants cached, code through tiered JIT (one tenant's four lists alone give too few calls).
        var rows = 0;
        for (var i = 0; i < Math.Max(PerCallConfig.WarmUpCalls, _samples.Count); i++)
        {
            rows += (await PageAsync(_samples[i % _samples.Count], fields)).Items.Count;
        }

        if (rows == 0)
        {
            throw new InvalidOperationException($"Every page of {dataset.Name} is empty.");
        }
    }

    private async Task<RequestPage> PageAsync(Samples.TenantStatus sample, IReadOnlyList<FieldFilter>? fields)
    {
        await using var scope = await _app!.RequestScopeAsync(sample.Tenant);
        return await scope.ServiceProvider.GetRequiredService<RequestDesk>().SearchAsync(new RequestQuery(Status: sample.Status, Fields: fields, Take: 20));
    }
}

using AfterSales.Modules.Products;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

public enum ListFilter
{
    /// <summary>Leaving warranty within 30 days and a model code typed into the search box, ordered by warranty end.</summary>
    ExpiringAndTerm,

    /// <summary>Leaving warranty within 30 days (the dashboard's list), ordered by warranty end.</summary>
    Expiring,

    /// <summary>A model code typed into the search box, ordered by serial number.</summary>
    Term,
}

/// <summary>
/// The first page (20 rows, as the grid asks) of the serial-number list through <see cref="SerialRegistry.SearchAsync"/>:
/// total count, page and owners, each call in its own tenant scope.
/// </summary>
[Config(typeof(PerCallConfig))]
[UsesDatasets("1x1000", "1000x1000")]
public class SerialList
{
    private BenchmarkApp? _app;
    private List<Samples.TenantModel> _samples = [];
    private int _next;

    [Params(ListFilter.ExpiringAndTerm, ListFilter.Expiring, ListFilter.Term)]
    public ListFilter Filter { get; set; }

    [GlobalSetup(Target = nameof(OneTenantDb))]
    public Task SetUpOneTenantAsync() => SetUpAsync(Dataset.OneTenant);

    [GlobalSetup(Target = nameof(ThousandTenantDb))]
    public Task SetUpThousandTenantsAsync() => SetUpAsync(Dataset.ThousandTenants);

    [Benchmark(Baseline = true, Description = "SearchAsync, 1 tenant × 1,000 units")]
    public Task<SerialPage> OneTenantDb() => PageAsync(_samples[_next++ % _samples.Count]);

    [Benchmark(Description = "SearchAsync, 1,000 tenants × 1,000 units")]
    public Task<SerialPage> ThousandTenantDb() => PageAsync(_samples[_next++ % _samples.Count]);

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task SetUpAsync(Dataset dataset)
    {
        _app = BenchmarkApp.Open(dataset.ReadyPath());
        _samples = Samples.ModelCodes(dataset.ReadyPath());
        // Pages that are all empty would time nothing. The calls also bring the process to the state of a running host:
        // tenants cached, code through tiered JIT (one tenant's dozen models alone give too few calls).
        var rows = 0;
        for (var i = 0; i < Math.Max(PerCallConfig.WarmUpCalls, _samples.Count); i++)
        {
            rows += (await PageAsync(_samples[i % _samples.Count])).Items.Count;
        }

        if (rows == 0)
        {
            throw new InvalidOperationException($"Every {Filter} page of {dataset.Name} is empty.");
        }
    }

    private async Task<SerialPage> PageAsync(Samples.TenantModel sample)
    {
        var query = new SerialQuery(
            Search: Filter is ListFilter.Expiring ? null : sample.ModelCode,
            ExpiringWithinDays: Filter is ListFilter.Term ? null : 30,
            Skip: 0,
            Take: 20);
        await using var scope = await _app!.RequestScopeAsync(sample.Tenant);
        return await scope.ServiceProvider.GetRequiredService<SerialRegistry>().SearchAsync(query);
    }
}

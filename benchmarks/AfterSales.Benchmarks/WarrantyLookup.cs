using AfterSales.Modules.Products;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// Warranty lookup by serial number (the /warranty page and GET /api/v1/serials/{sn}) through <see cref="SerialRegistry.FindAsync"/>,
/// each call in its own tenant scope as a request; the tenants asked for rotate over the whole dataset.
/// </summary>
[Config(typeof(PerCallConfig))]
[UsesDatasets("1x1000", "1000x1000")]
public class WarrantyLookup
{
    private BenchmarkApp? _app;
    private List<Samples.Unit> _units = [];
    private Dictionary<string, string> _tenantIds = [];
    private SqliteConnection? _raw;
    private SqliteCommand? _rawLookup;
    private int _next;

    [GlobalSetup(Target = nameof(OneTenantDb))]
    public Task SetUpOneTenantAsync() => SetUpAsync(Dataset.OneTenant);

    [GlobalSetup(Target = nameof(ThousandTenantDb))]
    public Task SetUpThousandTenantsAsync() => SetUpAsync(Dataset.ThousandTenants);

    [GlobalSetup(Target = nameof(RawSqlThousandTenantDb))]
    public void SetUpRawSql()
    {
        var path = Dataset.ThousandTenants.ReadyPath();
        _units = Samples.Units(path, 4_000);
        _tenantIds = Samples.TenantIds(path);
        _raw = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        _raw.Open();
        _rawLookup = _raw.CreateCommand();
        // The rows the registry's first query reads (unit, model, category) through the same index, without EF, DI or the owner's look-up.
        _rawLookup.CommandText = """
            SELECT s.Id, s.Number, s.CustomerId, s.WarrantyStart, s.WarrantyEnd, m.Code, m.Name, c.Name
            FROM SerialNumbers s JOIN ProductModels m ON m.Id = s.ProductModelId LEFT JOIN ProductCategories c ON c.Id = m.CategoryId
            WHERE s.TenantId = $tenant AND s.Number = $number LIMIT 1
            """;
        _rawLookup.Parameters.Add("$tenant", SqliteType.Text);
        _rawLookup.Parameters.Add("$number", SqliteType.Text);
        _rawLookup.Prepare();
        for (var i = 0; i < Math.Max(PerCallConfig.WarmUpCalls, _units.Count); i++)
        {
            _ = RawLookup(_units[i % _units.Count]) ?? throw new InvalidOperationException("A sampled unit was not found by raw SQL.");
        }
    }

    [Benchmark(Baseline = true, Description = "FindAsync, 1 tenant × 1,000 units")]
    public Task<SerialView?> OneTenantDb() => LookupAsync(_units[_next++ % _units.Count]);

    [Benchmark(Description = "FindAsync, 1,000 tenants × 1,000 units")]
    public Task<SerialView?> ThousandTenantDb() => LookupAsync(_units[_next++ % _units.Count]);

    [Benchmark(Description = "raw SQL by (TenantId, Number), 1,000 × 1,000")]
    public string? RawSqlThousandTenantDb() => RawLookup(_units[_next++ % _units.Count]);

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _rawLookup?.Dispose();
        _raw?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task SetUpAsync(Dataset dataset)
    {
        _app = BenchmarkApp.Open(dataset.ReadyPath());
        _units = Samples.Units(dataset.ReadyPath(), 4_000);
        // Every sampled unit must be found, or the benchmark would time misses. The calls also bring the process to the
        // state of a running host: tenants cached, code through tiered JIT (a small dataset alone gives too few calls).
        for (var i = 0; i < Math.Max(PerCallConfig.WarmUpCalls, _units.Count); i++)
        {
            var unit = _units[i % _units.Count];
            _ = await LookupAsync(unit) ?? throw new InvalidOperationException($"{unit.Tenant}/{unit.Number} not found.");
        }
    }

    private async Task<SerialView?> LookupAsync(Samples.Unit unit)
    {
        await using var scope = await _app!.RequestScopeAsync(unit.Tenant);
        return await scope.ServiceProvider.GetRequiredService<SerialRegistry>().FindAsync(unit.Number);
    }

    private string? RawLookup(Samples.Unit unit)
    {
        _rawLookup!.Parameters["$tenant"].Value = _tenantIds[unit.Tenant];
        _rawLookup.Parameters["$number"].Value = unit.Number;
        using var reader = _rawLookup.ExecuteReader();
        return reader.Read() ? reader.GetString(1) : null;
    }
}

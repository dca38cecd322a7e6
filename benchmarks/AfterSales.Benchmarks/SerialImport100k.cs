using System.Globalization;
using System.Text;
using AfterSales.Modules.Products;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// Import of a 100,000-row CSV through <see cref="SerialImport.CheckAsync"/> and <see cref="SerialImport.CommitAsync"/>, as the
/// import page runs them, into tenant bench0001 (the same tenant data in both datasets). Each run works on a copy of the
/// dataset and the imported units (and the file's audit entry) are deleted after every iteration, outside the measurement.
/// </summary>
[Config(typeof(WholeRunConfig))]
[UsesDatasets("1x1000", "1000x1000")]
public class SerialImport100k
{
    public const int Rows = 100_000;
    private const string Prefix = "IMP-";
    private const string FileName = "units.csv";

    private BenchmarkApp? _app;
    private string? _database;
    private string _tenantId = "";
    private byte[] _file = [];

    [GlobalSetup(Target = nameof(OneTenantDb))]
    public void SetUpOneTenant() => SetUp(Dataset.OneTenant);

    [GlobalSetup(Targets = [nameof(ThousandTenantDb), nameof(ThousandTenantDbCheckOnly)])]
    public void SetUpThousandTenants() => SetUp(Dataset.ThousandTenants);

    [Benchmark(Baseline = true, Description = "Check + commit 100k, 1 tenant × 1,000 units")]
    public Task<int> OneTenantDb() => ImportAsync(commit: true);

    [Benchmark(Description = "Check + commit 100k, 1,000 tenants × 1,000 units")]
    public Task<int> ThousandTenantDb() => ImportAsync(commit: true);

    [Benchmark(Description = "Check only 100k, 1,000 tenants × 1,000 units")]
    public Task<int> ThousandTenantDbCheckOnly() => ImportAsync(commit: false);

    [IterationCleanup]
    public void RemoveImportedUnits()
    {
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        connection.Open();
        using var delete = connection.CreateCommand();
        // A range rather than LIKE, so that the delete uses the tenant's index; the import's one audit entry names the file.
        delete.CommandText = """
            DELETE FROM SerialNumbers WHERE TenantId = $tenant AND Number >= 'IMP-' AND Number < 'IMP.';
            DELETE FROM AuditEntries WHERE TenantId = $tenant AND EntityType = 'SerialNumber' AND EntityKey = $file;
            PRAGMA wal_checkpoint(TRUNCATE);
            """;
        delete.Parameters.AddWithValue("$tenant", _tenantId);
        delete.Parameters.AddWithValue("$file", FileName);
        delete.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Dataset.DeleteCopy(_database);
    }

    private void SetUp(Dataset dataset)
    {
        _database = dataset.CopyForWriting("import");
        _tenantId = Samples.TenantIds(_database)[Dataset.FirstTenant];
        _file = Csv(Samples.Codes(_database, Dataset.FirstTenant));
        _app = BenchmarkApp.Open(_database);
    }

    private async Task<int> ImportAsync(bool commit)
    {
        await using var scope = await _app!.RequestScopeAsync(Dataset.FirstTenant);
        var import = scope.ServiceProvider.GetRequiredService<SerialImport>();
        var preview = await import.CheckAsync(_file, FileName);
        if (!preview.CanCommit)
        {
            var problem = preview.Rows.FirstOrDefault(r => r.Problems.Count > 0);
            throw new InvalidOperationException($"The file does not import: {preview.FileError ?? $"line {problem?.Line}: {problem?.Problems[0].Key}"}");
        }

        return commit ? await import.CommitAsync(preview) : preview.Valid;
    }

    // A file as an ERP exports it: every model, four in five units sold to a known customer, dates as Excel writes them.
    private static byte[] Csv((List<string> Models, List<string> Customers) codes)
    {
        var random = new Random(7);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var csv = new StringBuilder("Serial number,Model code,Customer code,Production date,Batch,Supplier,Purchase date,Salesperson\n");
        for (var i = 1; i <= Rows; i++)
        {
            var produced = today.AddDays(-random.Next(30, 1500));
            var sold = random.Next(5) > 0;
            csv.Append(CultureInfo.InvariantCulture, $"{Prefix}{i:D6},{codes.Models[i % codes.Models.Count]},")
                .Append(sold ? codes.Customers[random.Next(codes.Customers.Count)] : "")
                .Append(CultureInfo.InvariantCulture, $",{produced:yyyy-MM-dd},B{produced:yyyyMM},Supplier {i % 7},")
                .Append(sold ? produced.AddDays(random.Next(10, 25)).ToString("yyyy/M/d", CultureInfo.InvariantCulture) : "")
                .Append(sold ? ",Salesperson\n" : ",\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}

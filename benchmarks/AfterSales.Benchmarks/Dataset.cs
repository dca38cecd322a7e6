using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AfterSales.Host.Data;
using AfterSales.Host.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Benchmarks;

/// <summary>
/// A generated database the benchmarks read, cached under <c>benchmarks/.data</c>. It is reused while its manifest matches:
/// the same generator options and the same schema (a changed index in the EF model makes a new database). Delete the
/// folder to generate again after changing the generator itself.
/// </summary>
/// <param name="Copies">Further tenants holding copies of the first tenant's request history, written in raw SQL (<see cref="ReportHistory"/>); when
/// positive, the first tenant's history also gets the events a worked request leaves beyond the generator's.</param>
public sealed record Dataset(string Name, int Tenants, int CustomersPerTenant, int SerialsPerTenant, int RequestsPerTenant = 0, int Seed = 4, int Copies = 0)
{
    /// <summary>Identifiers are bench0001…; tenant 1 has the same data in every dataset of the same counts per tenant, so a one-tenant dataset is the baseline of a thousand-tenant one.</summary>
    public const string TenantPrefix = "bench";

    public static readonly Dataset OneTenant = new("1x1000", 1, 100, 1_000);
    public static readonly Dataset ThousandTenants = new("1000x1000", 1_000, 100, 1_000);

    // Service requests need a few customers and units to refer to, not the serial benchmarks' thousand: kept small so the
    // million requests are what the file is made of.
    public static readonly Dataset RequestsOneTenant = new("requests-1x1000", 1, 20, 50, RequestsPerTenant: 1_000);
    public static readonly Dataset RequestsThousandTenants = new("requests-1000x1000", 1_000, 20, 50, RequestsPerTenant: 1_000);

    // Reports read a tenant's whole history: 100,000 requests over two years with their work reports, visits and events, in a
    // database of 1,000,000 (nine more tenants with copies of that history).
    public static readonly Dataset ReportsTenTenants = new("reports-10x100000", 1, 300, 3_000, RequestsPerTenant: 100_000, Copies: 9);

    public static IReadOnlyList<Dataset> All { get; } = [OneTenant, ThousandTenants, RequestsOneTenant, RequestsThousandTenants, ReportsTenTenants];

    private static readonly Lazy<string> Schema = new(SchemaHash);

    public static string FirstTenant => TenantPrefix + "0001";

    /// <summary>The hash of the model's DDL a dataset's manifest must carry (<c>--schema-hash</c> prints it).</summary>
    public static string ModelSchema => Schema.Value;

    public static string DataDirectory
    {
        get
        {
            // Benchmark runs start from generated projects below bin/, so the folder is found from the solution up the tree.
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AfterSales.Saas.sln")))
                {
                    return Directory.CreateDirectory(Path.Combine(dir.FullName, "benchmarks", ".data")).FullName;
                }
            }

            throw new InvalidOperationException("AfterSales.Saas.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public string DatabasePath() => Path.Combine(DataDirectory, Name + ".db");

    /// <summary>The database, which <see cref="EnsureAsync"/> has made in the benchmarks' parent process.</summary>
    public string ReadyPath() => IsReady() ? DatabasePath() : throw new InvalidOperationException(
        $"Dataset {Name} is missing or stale: run the benchmarks through their Program, which generates it first.");

    private string ManifestPath() => DatabasePath() + ".json";

    private Manifest Expected() => new(this, Schema.Value);

    private bool IsReady() => File.Exists(DatabasePath()) && File.Exists(ManifestPath())
                              && JsonSerializer.Deserialize<Manifest>(File.ReadAllText(ManifestPath())) == Expected();

    /// <summary>Generates the database unless a matching one is cached.</summary>
    public async Task EnsureAsync()
    {
        if (IsReady())
        {
            Console.WriteLine($"Dataset {Name}: reusing {DatabasePath()}");
            return;
        }

        var building = Path.Combine(DataDirectory, Name + ".building.db");
        Delete(DatabasePath(), ManifestPath(), building, building + "-wal", building + "-shm");
        Console.WriteLine($"Dataset {Name}: generating {Tenants} tenants × {CustomersPerTenant} customers, {SerialsPerTenant} serial numbers and {RequestsPerTenant} service requests…");
        var stopwatch = Stopwatch.StartNew();
        await using (var app = BenchmarkApp.Open(building, LogLevel.Information))
        {
            await app.CreateDatabaseAsync();
            await ActivatorUtilities.CreateInstance<DataGenerator>(app.Services).GenerateAsync(new DataGeneratorOptions
            {
                Tenants = Tenants,
                CustomersPerTenant = CustomersPerTenant,
                SerialsPerTenant = SerialsPerTenant,
                RequestsPerTenant = RequestsPerTenant,
                Seed = Seed,
                IdentifierPrefix = TenantPrefix,
                AdminPassword = null,
            });
        }

        if (Copies > 0)
        {
            SqliteConnection.ClearAllPools();
            await ReportHistory.CompleteAsync(building, FirstTenant, Copies);
        }

        // Fold the WAL into the file so that one file is the whole dataset, then publish it under its final name.
        await using (var connection = new SqliteConnection($"Data Source={building};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, DatabasePath());
        Delete(building + "-wal", building + "-shm");
        await File.WriteAllTextAsync(ManifestPath(), JsonSerializer.Serialize(Expected()));
        Console.WriteLine($"Dataset {Name}: generated in {stopwatch.Elapsed:mm\\:ss} ({new FileInfo(DatabasePath()).Length / 1024 / 1024} MB)");
    }

    /// <summary>A private copy for benchmarks that write, so the cached dataset stays as generated.</summary>
    public string CopyForWriting(string purpose)
    {
        var copy = Path.Combine(DataDirectory, $"{Name}.{purpose}.work.db");
        Delete(copy, copy + "-wal", copy + "-shm");
        File.Copy(ReadyPath(), copy);
        return copy;
    }

    /// <summary>Deletes a copy made by <see cref="CopyForWriting"/>, with its WAL, once the pooled connections to it are closed.</summary>
    public static void DeleteCopy(string? copy)
    {
        if (copy is null)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        Delete(copy, copy + "-wal", copy + "-shm");
    }

    // The DDL of the model as the app configures it (no connection is opened): any change of a table or index changes it.
    private static string SchemaHash() => Task.Run(async () =>
    {
        await using var app = BenchmarkApp.Open(Path.Combine(DataDirectory, "schema.db"));
        await using var scope = app.Services.CreateAsyncScope();
        var script = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(script)))[..16];
    }).GetAwaiter().GetResult();

    private static void Delete(params string[] paths)
    {
        foreach (var path in paths)
        {
            File.Delete(path);
        }
    }

    private sealed record Manifest(Dataset Dataset, string Schema);
}

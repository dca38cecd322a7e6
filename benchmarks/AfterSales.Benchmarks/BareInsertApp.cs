using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AfterSales.Benchmarks;

/// <summary>
/// The floor under the API: a minimal-API endpoint on Kestrel that inserts one row per POST into a plain table of the same
/// SQLite file, with the connection settings the host uses (pooled, private cache, WAL, 30 s default timeout) and nothing
/// else: no authentication, tenant, validation, numbering, audit or EF Core.
/// </summary>
public sealed class BareInsertApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareInsertApp(WebApplication app, string baseAddress)
    {
        _app = app;
        BaseAddress = new Uri(baseAddress);
    }

    public const string Path = "/requests";

    public Uri BaseAddress { get; }

    /// <summary>What the endpoint reads of the API's request body; the rest (custom fields, contact) is skipped by the serializer.</summary>
    public sealed record Input(Guid ServiceTypeId, string? SerialNumber, string Subject);

    public static async Task<BareInsertApp> StartAsync(string databasePath)
    {
        // As DatabaseSetup builds the host's: private cache, 30 s timeout; WAL is a property of the file, set when it was generated.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS BareRequests (
                    Id TEXT NOT NULL PRIMARY KEY, ServiceTypeId TEXT NOT NULL, SerialNumber TEXT NULL, Subject TEXT NOT NULL, CreatedAt INTEGER NOT NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost(Path, async (Input input, CancellationToken cancellationToken) =>
        {
            var id = Guid.NewGuid();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO BareRequests (Id, ServiceTypeId, SerialNumber, Subject, CreatedAt) VALUES ($id, $type, $serial, $subject, $at)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$type", input.ServiceTypeId);
            insert.Parameters.AddWithValue("$serial", (object?)input.SerialNumber ?? DBNull.Value);
            insert.Parameters.AddWithValue("$subject", input.Subject);
            insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return Results.Created(string.Create(CultureInfo.InvariantCulture, $"{Path}/{id}"), new { id });
        });
        await app.StartAsync();
        return new BareInsertApp(app, app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// The real host in Development (so the demo seed runs) over its own SQLite file and file-store folder in the temp directory,
/// deleted on dispose. One instance per test class (xUnit class fixture), so classes never share data.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Demo@12345";

    private readonly string _databasePath;
    private readonly bool _ownsDatabase;

    public AppFactory()
        : this(Path.Combine(Path.GetTempPath(), $"aftersales-it-{Guid.NewGuid():N}.db"), ownsDatabase: true)
    {
    }

    /// <summary>A host over <paramref name="databasePath"/>, deleting the file on dispose only when it <paramref name="ownsDatabase"/> (restart tests).</summary>
    protected AppFactory(string databasePath, bool ownsDatabase)
    {
        _databasePath = databasePath;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary><c>Quartz:Store</c>: in memory for speed, as most tests fire their polls themselves.</summary>
    protected virtual string QuartzStore => "Memory";
    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), $"aftersales-it-files-{Guid.NewGuid():N}");

    /// <summary>Permits per minute of the auth rate limits; high so ordinary tests never hit them.</summary>
    protected virtual int AuthPermitsPerMinute => 10_000;

    /// <summary><c>Tenancy:BaseHost</c>; empty switches the subdomain strategy off.</summary>
    protected virtual string BaseHost => "";

    public string DatabasePath => _databasePath;

    /// <summary><c>Storage:Root</c>: where this host's attachments are stored.</summary>
    public string StorageRoot => _storageRoot;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches WebApplicationBuilder.Configuration before Program reads it (host strategy, rate limits).
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_databasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Storage:Root", _storageRoot);
        builder.UseSetting("Tenancy:BaseHost", BaseHost);
        builder.UseSetting("RateLimiting:AuthPermitsPerMinute", AuthPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests fire due timers themselves, when they mean to.
        builder.UseSetting("Workflow:TimerPollSeconds", "0");
        builder.UseSetting("Notifications:PollSeconds", "0");
        builder.UseSetting("Webhooks:PollSeconds", "0");
        builder.UseSetting("Reminders:PollSeconds", "0");
        builder.UseSetting("RequestChanges:PollSeconds", "0");
        builder.UseSetting("Quartz:Store", QuartzStore);
    }

    /// <summary>A client that follows no redirects and keeps cookies.</summary>
    public HttpClient CreateBrowser(string baseAddress = "http://localhost") => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(baseAddress),
    });

    /// <summary>A client that sends only the cookies it is told to (Cookie header), for replaying a cookie elsewhere.</summary>
    public HttpClient CreateCookielessClient(string baseAddress = "http://localhost") => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri(baseAddress),
    });

    public async Task<TenantInfo> TenantAsync(string identifier)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdentifierAsync(identifier)
               ?? throw new InvalidOperationException($"No tenant {identifier}.");
    }

    /// <summary>A DI scope belonging to <paramref name="identifier"/>, as jobs and the seed use.</summary>
    public async Task<AsyncServiceScope> TenantScopeAsync(string identifier) =>
        Services.GetRequiredService<TenantScopeFactory>().CreateScope(await TenantAsync(identifier));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        DeleteTemporaryFiles();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteTemporaryFiles();
        }
    }

    private void DeleteTemporaryFiles()
    {
        // Pooled connections keep the file open; only idle ones are closed, other hosts' busy ones are untouched.
        SqliteConnection.ClearAllPools();
        foreach (var file in _ownsDatabase ? new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" } : [])
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: the temp directory is cleaned by the OS.
            }
        }

        try
        {
            if (Directory.Exists(_storageRoot))
            {
                Directory.Delete(_storageRoot, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort, as above.
        }
    }
}

/// <summary>The host with <c>Tenancy:BaseHost</c> = <c>aftersales.test</c>: <c>demo.aftersales.test</c> names the demo tenant.</summary>
public sealed class SubdomainAppFactory : AppFactory
{
    public const string Domain = "aftersales.test";

    protected override string BaseHost => Domain;
}

/// <summary>The host with small attachment limits, so the tests reach them with small files.</summary>
public sealed class AttachmentsAppFactory : AppFactory
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxFilesPerRequest = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Attachments:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Attachments:MaxFilesPerRequest", MaxFilesPerRequest.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The host with the production-like (low) auth rate limit.</summary>
public sealed class RateLimitedAppFactory : AppFactory
{
    public const int Permits = 3;

    protected override int AuthPermitsPerMinute => Permits;
}

using AfterSales.Modules.Administration.ApiClients;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// The real host (its Program, middleware, authentication, tenancy and modules) on Kestrel over a copy of a dataset.
/// "Staging": everything as in production except that OpenIddict accepts plain HTTP, which a TLS-terminating proxy gives it
/// in production; the schema comes from the dataset (EnsureCreated), so migrations are not run.
/// </summary>
// Any type of the host's assembly names its entry point; its Program would clash with this project's own top-level Program.
public sealed class ApiHost(string databasePath) : WebApplicationFactory<AfterSales.Host.Data.AppDbContext>
{
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Staging");
        // The factory looks for its manifest in the current directory, which a benchmark run does not start in: name the host's folder.
        builder.UseContentRoot(Path.GetFullPath(Path.Combine(Dataset.DataDirectory, "..", "..", "src", "Host")));
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:Migrate", "false");
        builder.UseSetting("Tenancy:BaseHost", "");
        // The token requests of the setup come from one address; the measured endpoint is not rate-limited either way.
        builder.UseSetting("RateLimiting:AuthPermitsPerMinute", "10000");
    }

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>An API client of the tenant, created as its admin does on the API clients page.</summary>
    public async Task<ApiClientService.CreatedClient> CreateApiClientAsync(string tenantIdentifier)
    {
        TenantInfo tenant;
        await using (var platform = Services.CreateAsyncScope())
        {
            tenant = await platform.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdentifierAsync(tenantIdentifier)
                     ?? throw new InvalidOperationException($"No tenant {tenantIdentifier}.");
        }

        await using var scope = Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync("Benchmark");
    }
}

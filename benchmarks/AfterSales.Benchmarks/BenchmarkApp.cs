using AfterSales.Host.Data;
using AfterSales.Host.Identity;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Knowledge;
using AfterSales.Modules.Parts;
using AfterSales.Modules.Scheduling;
using AfterSales.Modules.Visits;
using AfterSales.Modules.WorkReports;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Workflow;
using AfterSales.Modules.Sla;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Webhooks;
using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Reports;
using AfterSales.Modules.Rma;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace AfterSales.Benchmarks;

/// <summary>
/// The application's services over one SQLite file, composed with the host's own registration methods
/// (database, tenancy, identity, modules) so that what is measured is the code the host runs, minus HTTP.
/// </summary>
public sealed class BenchmarkApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchmarkApp(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static BenchmarkApp Open(string databasePath, LogLevel logLevel = LogLevel.Warning)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={databasePath}",
            // The benchmarks drive the polls themselves.
            ["Notifications:PollSeconds"] = "0",
            ["Webhooks:PollSeconds"] = "0",
            ["Reports:AlertScanSeconds"] = "0",
            ["Reminders:PollSeconds"] = "0",
        })
            // A setting tried without a rebuild, e.g. BENCHMARK_Reminders__ScanParallelism=1.
            .AddEnvironmentVariables("BENCHMARK_").Build();
        var environment = new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = Path.GetDirectoryName(databasePath)! };

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // As the host's appsettings: the framework's chatter (every EF command) at Warning.
        // BENCHMARK_SQL=1 shows every command as it starts (a slow one is seen before it ends) and with its duration, to profile a
        // benchmark in process (see QuickReportTimes).
        var sql = Environment.GetEnvironmentVariable("BENCHMARK_SQL") == "1";
        services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(sql ? LogLevel.Information : logLevel).AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", sql ? LogLevel.Debug : LogLevel.Warning)
            // The reminder scan says how long its planning and its sending took.
            .AddFilter("AfterSales.Modules.Reminders.ReminderScan", LogLevel.Information));
        services.AddAppDatabase(configuration, environment);
        services.AddTenancy().WithEfCoreStore<AppDbContext>();
        services.AddStaffIdentity(configuration);
        services.AddDataProtection().SetApplicationName("AfterSales.Benchmarks");
        services.AddHttpContextAccessor();
        services.AddAdministrationModule();
        services.AddCustomersModule();
        services.AddProductsModule();
        services.AddFormsModule();
        services.AddServiceModule();
        services.AddWorkflowModule();
        services.AddSlaModule();
        services.AddNotificationsModule(configuration);
        services.AddWebhooksModule(configuration);
        services.AddDispatchModule();
        services.AddRmaModule();
        services.AddWorkReportsModule();
        services.AddPartsModule();
        services.AddVisitsModule();
        services.AddKnowledgeModule();
        services.AddBillingModule(configuration);
        services.AddReportsModule(configuration);
        services.AddRemindersModule(configuration);
        services.AddSchedulingModule();
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);
        return new BenchmarkApp(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>Creates the schema from the model (no migrations: the benchmark measures the model as configured) in WAL mode, as the host runs.</summary>
    public async Task CreateDatabaseAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.CloseConnectionAsync();
        await db.Database.EnsureCreatedAsync();
    }

    /// <summary>
    /// A scope for one request to <paramref name="tenantIdentifier"/>: the tenant is found through the cached store and set
    /// once on the scope, which is what the resolution middleware does before the app's code runs.
    /// </summary>
    public async Task<AsyncServiceScope> RequestScopeAsync(string tenantIdentifier)
    {
        var scope = _services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdentifierAsync(tenantIdentifier)
                     ?? throw new InvalidOperationException($"No tenant {tenantIdentifier}.");
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(tenant, "benchmark");
        return scope;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

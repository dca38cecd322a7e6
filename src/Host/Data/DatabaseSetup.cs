using AfterSales.Modules.Administration;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Data;

/// <summary>Chooses the provider from <c>Database:Provider</c> and registers the context, its factory and the module views.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Default");
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                connectionString = SqliteConnectionString(connectionString, environment.ContentRootPath);
                var busyTimeout = new SqliteBusyTimeout(TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(connectionString).DefaultTimeout));
                Register<SqliteAppDbContext>(services, (sp, o) => o.UseSqlite(connectionString, s => s.CommandTimeout(60)).AddInterceptors(busyTimeout));
                break;
            case "sqlserver":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Default is empty.");
                }

                Register<SqlServerAppDbContext>(services, (sp, o) => o.UseSqlServer(connectionString, s => s.EnableRetryOnFailure()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or SqlServer.");
        }

        AddModuleView<IAdministrationDb>(services);
        AddModuleView<ICustomersDb>(services);
        AddModuleView<IProductsDb>(services);
        AddModuleView<IServiceDb>(services);
        AddModuleView<AfterSales.Modules.Forms.IFormsDb>(services);
        AddModuleView<AfterSales.Modules.Workflow.IWorkflowDb>(services);
        AddModuleView<AfterSales.Modules.Sla.ISlaDb>(services);
        AddModuleView<AfterSales.Modules.Notifications.INotificationsDb>(services);
        AddModuleView<AfterSales.Modules.Webhooks.IWebhooksDb>(services);
        AddModuleView<AfterSales.Modules.Dispatch.IDispatchDb>(services);
        AddModuleView<AfterSales.Modules.Rma.IRmaDb>(services);
        AddModuleView<AfterSales.Modules.WorkReports.IWorkReportsDb>(services);
        AddModuleView<AfterSales.Modules.Parts.IPartsDb>(services);
        AddModuleView<AfterSales.Modules.Visits.IVisitsDb>(services);
        AddModuleView<AfterSales.Modules.Scheduling.ISchedulingDb>(services);
        AddModuleView<AfterSales.Modules.Reminders.IRemindersDb>(services);
        AddModuleView<AfterSales.Modules.Knowledge.IKnowledgeDb>(services);
        AddModuleView<AfterSales.Modules.Billing.IBillingDb>(services);
        AddModuleView<AfterSales.Modules.Reports.IReportsDb>(services);
        AddModuleView<AfterSales.Portal.IPortalDb>(services);
        return services;
    }

    // A module's view of the database is the one context, created per operation in the caller's tenant scope.
    private static void AddModuleView<TDb>(IServiceCollection services) where TDb : class, IDisposable =>
        services.AddScoped<IDbFactory<TDb>>(sp => new DbFactory<TDb>(
            () => (TDb)(object)sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext()));

    private static void Register<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        void Options(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            configure(sp, options);
            // Audit first: the entries it adds must pass through the tenant stamp that follows.
            options.AddInterceptors(
                sp.GetRequiredService<AuditSaveChangesInterceptor>(),
                sp.GetRequiredService<TenantSaveChangesInterceptor>(),
                // Refuses a read-only tenant's writes before anything is published.
                sp.GetRequiredService<AfterSales.Modules.Billing.ReadOnlyTenantGuard>(),
                // Last: it publishes timeline events after commit, stamped with their tenant by then.
                sp.GetRequiredService<RequestChangeInterceptor>());
            options.UseOpenIddict();
        }

        services.AddScoped<AuditSaveChangesInterceptor>();
        // Scoped factory: contexts are built from the circuit's (or request's) scope and so see its tenant.
        // It also registers TContext itself as scoped, for Identity, OpenIddict and data protection.
        services.AddDbContextFactory<TContext>(Options, ServiceLifetime.Scoped);
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddScoped<IDbContextFactory<AppDbContext>>(sp => new UpcastFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/aftersales.db" : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        // Private, not shared, cache: in shared-cache mode a writing transaction locks its tables against every other
        // connection of the process, so a 100,000-row import would hold everyone's serial-number lookups for its whole
        // commit. With private caches WAL lets readers go on while one writer writes.
        builder.Cache = SqliteCacheMode.Private;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>Applies pending migrations (when <c>Database:Migrate</c> is not false); SQLite is switched to WAL first.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Database:Migrate", true))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync();
    }

    private sealed class DbFactory<TDb>(Func<TDb> create) : IDbFactory<TDb> where TDb : IDisposable
    {
        public TDb Create() => create();
    }

    private sealed class UpcastFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

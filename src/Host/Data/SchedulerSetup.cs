using AfterSales.Modules.Shared;
using Quartz;

namespace AfterSales.Host.Data;

/// <summary>
/// The one Quartz scheduler for the polls the modules registered. <c>Quartz:Store</c> = <c>Database</c> (the default) keeps jobs,
/// triggers and their fire times in the application database (tables <c>QRTZ_*</c>, created by the QuartzStore migration), so a
/// restart loses no schedule and a run missed during downtime fires once on start; <c>Memory</c> keeps them in the process, for
/// tests that start many hosts.
/// </summary>
public static class SchedulerSetup
{
    public const string TablePrefix = "QRTZ_";
    public const string SchedulerName = "AfterSales";

    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var inDatabase = !string.Equals(configuration["Quartz:Store"] ?? "Database", "Memory", StringComparison.OrdinalIgnoreCase);
        var provider = (configuration["Database:Provider"] ?? "Sqlite").ToLowerInvariant();
        services.AddQuartz(quartz =>
        {
            // Each replica names itself; the cluster tells them apart by it and takes over the runs of one that stops checking in.
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.GenerateInstanceId = true;
            });
            if (!inDatabase)
            {
                quartz.UseInMemoryStore(_ => { });
                return;
            }

            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer(_ => { });
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = TablePrefix;
                    // Our migrations own the schema; a missing table is a deployment error, reported at start.
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                    options.MisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Quartz:MisfireThresholdSeconds", 60));
                });
                if (provider == "sqlserver")
                {
                    store.UseSqlServer(configuration.GetConnectionString("Default")!);
                    // Several replicas share the tables: row locks in QRTZ_LOCKS make one of them fire each trigger, and a
                    // [DisallowConcurrentExecution] job runs on one replica at a time.
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Quartz:CheckinSeconds", 15));
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Quartz:CheckinSeconds", 15) * 2);
                    });
                }
                else
                {
                    // Single node: Quartz locks SQLite in process memory (its SqliteLockHandler), not in the file, so two processes
                    // would both acquire a trigger; and a SQLite file is not shared by replicas on several machines anyway.
                    store.UseSqlite(DatabaseSetup.SqliteConnectionString(configuration.GetConnectionString("Default"), environment.ContentRootPath));
                }
            });
            // A restart (or a new release) puts the polls' triggers back from code, keeping their place in the stored schedule.
            quartz.ConfigureOptions<QuartzOptions>(options =>
            {
                options.Scheduling.OverwriteExistingData = true;
                options.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
            });
        });
        services.AddHostedService<RetiredPolls>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Removes the stored triggers of polls this host's configuration turned off, which would otherwise fire on.</summary>
    private sealed class RetiredPolls(ISchedulerFactory schedulers, IEnumerable<PollRegistration> polls) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var off = polls.Where(p => !p.IsOn).ToList();
            if (off.Count == 0)
            {
                return;
            }

            var scheduler = await schedulers.GetScheduler(cancellationToken);
            foreach (var poll in off)
            {
                await scheduler.DeleteJob(poll.Key, cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using System.Diagnostics;
using AfterSales.Modules.Reminders;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// The daily reminder scan (issue 8), as its Quartz job runs it, over 1,000 tenants × 1,000 units: every tenant has a warranty
/// reminder rule (30, 7 and 0 days before the end), a maintenance plan (every 6 months, 7 days ahead) and a consumables rule
/// (14 days ahead), none planned yet, so one run plans the next 30 days of reminders of a million units and sends those due today
/// through the outbox. Every iteration starts from the unplanned state, restored outside the measurement. Besides BenchmarkDotNet's
/// allocation count, the peak of the managed heap during each run is sampled and printed (target: under 10 s and 300 MB).
/// </summary>
[Config(typeof(CareReminderScan.InProcessConfig))]
[UsesDatasets("1000x1000")]
public class CareReminderScan
{
    /// <summary>
    /// <see cref="WholeRunConfig"/>'s whole runs, in this process: a separate benchmark process means BenchmarkDotNet rebuilding the
    /// host in its own output folder first, which took longer than the whole measurement on the shared two-core machine.
    /// </summary>
    public sealed class InProcessConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(BenchmarkDotNet.Jobs.Job.Default
                .WithId("WholeRunInProcess")
                .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance)
                .WithStrategy(BenchmarkDotNet.Engines.RunStrategy.Monitoring)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(1)
                .WithIterationCount(3));
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Min, BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.Max);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }

    private BenchmarkApp? _app;
    private string? _database;
    private long _peak;
    private Timer? _sampler;
    private Stopwatch? _elapsed;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _database = Dataset.ThousandTenants.CopyForWriting("reminders");
        _app = BenchmarkApp.Open(_database);
        foreach (var tenant in Samples.TenantIds(_database).Keys)
        {
            await using var scope = await _app.RequestScopeAsync(tenant);
            using var db = scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Shared.IDbFactory<IRemindersDb>>().Create();
            db.ReminderRules.AddRange(
                Rule("Warranty ends", ReminderKind.WarrantyExpiry, "30, 7, 0", "{{model}} warranty ends {{warrantyEnd}}"),
                Rule("Maintenance", ReminderKind.MaintenancePlan, "7", "{{model}} maintenance on {{visitDate}}", intervalMonths: 6),
                Rule("Consumables", ReminderKind.ConsumableReplacement, "14", "{{consumable}} of {{model}} due {{dueDate}}"));
            await db.SaveChangesAsync();
        }
    }

    private (int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated) _gcs;

    [IterationSetup]
    public void Restore()
    {
        Execute("DELETE FROM DueReminders; DELETE FROM OutboxMessages; UPDATE ReminderRules SET PlannedOn = NULL;");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        _peak = GC.GetTotalMemory(forceFullCollection: false);
        _sampler = new Timer(_ => Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), GC.GetTotalMemory(false))), null, 0, 10);
        _gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        _elapsed = Stopwatch.StartNew();
    }

    [Benchmark(Description = "Daily reminder scan, 1,000 tenants × 1,000 units")]
    public Task<int> DailyScan() => _app!.Services.GetRequiredService<ReminderScan>().RunAsync();

    [IterationCleanup]
    public void Report()
    {
        _elapsed!.Stop();
        _sampler!.Dispose();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var planned = Count("SELECT count(*) FROM DueReminders");
        var sent = Count("SELECT count(*) FROM DueReminders WHERE State = 1");
        var mails = Count("SELECT count(*) FROM OutboxMessages");
        Console.WriteLine($"// CareReminderScan: {_elapsed.Elapsed.TotalSeconds:F2} s, peak managed heap (sampled) {_peak / 1024 / 1024} MB, " +
                          $"last GC heap {info.HeapSizeBytes / 1024 / 1024} MB; {planned} reminders planned, {sent} sent, {mails} outbox rows; " +
                          $"allocated {(GC.GetTotalAllocatedBytes() - _gcs.Allocated) / 1024 / 1024} MB, GCs {GC.CollectionCount(0) - _gcs.Gen0}/{GC.CollectionCount(1) - _gcs.Gen1}/" +
                          $"{GC.CollectionCount(2) - _gcs.Gen2} (gen 0/1/2) pausing {(GC.GetTotalPauseDuration() - _gcs.Paused).TotalSeconds:F1} s");
        if (planned == 0 || sent == 0)
        {
            throw new InvalidOperationException("The scan planned or sent nothing: the dataset's dates do not reach the rules.");
        }
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

    private static ReminderRule Rule(string name, ReminderKind kind, string offsets, string subject, int? intervalMonths = null) => new()
    {
        Name = name,
        Kind = kind,
        OffsetDays = offsets,
        ToCustomer = true,
        Channels = ReminderChannels.Email,
        SubjectZh = subject,
        SubjectEn = subject,
        BodyZh = "{{customer}}: " + subject,
        BodyEn = "{{customer}}: " + subject,
        IntervalMonths = intervalMonths,
        IsEnabled = true,
    };

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}

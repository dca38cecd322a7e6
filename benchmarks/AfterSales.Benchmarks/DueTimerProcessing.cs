using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// One <see cref="WorkflowTimerPoll.RunAsync"/>, as the Quartz job runs it, finding 10,000 due <c>requestedDateMissed</c> timers on a
/// copy of the requests dataset: each locks its request (status Locked, its instance and timer saved, the timer, lock and status events
/// written) in its tenant's scope. The timers are spread over all 1,000 tenants (10 each) or, as the baseline, all in one tenant of the
/// same file, so the ratio is what the number of tenants costs. The requests are taken through <see cref="RequestDesk.CreateAsync"/> with
/// yesterday as requested date, which starts their workflow and arms the timer due since the tenant's midnight; every iteration starts
/// from that state, restored outside the measurement.
/// </summary>
[Config(typeof(WholeRunConfig))]
[UsesDatasets("requests-1000x1000")]
public class DueTimerProcessing
{
    public const int Timers = 10_000;

    private static readonly RequestActor Agent = new("bench-agent", "Agent", new HashSet<string> { Roles.Agent });

    private BenchmarkApp? _app;
    private string? _database;
    private RowSnapshot? _snapshot;

    [GlobalSetup(Target = nameof(OneTenant))]
    public Task SetUpOneTenantAsync() => SetUpAsync(tenants: 1);

    [GlobalSetup(Target = nameof(ThousandTenants))]
    public Task SetUpThousandTenantsAsync() => SetUpAsync(tenants: 1_000);

    [IterationSetup]
    public void Restore() => _snapshot!.Restore();

    [Benchmark(Baseline = true, Description = "10,000 due timers in 1 tenant")]
    public Task<int> OneTenant() => PollAsync();

    [Benchmark(Description = "10,000 due timers across 1,000 tenants (10 each)")]
    public Task<int> ThousandTenants() => PollAsync();

    [IterationCleanup]
    public void CheckAllLocked()
    {
        var locked = _snapshot!.Count($"SELECT count(*) FROM ServiceRequests WHERE Id IN (SELECT Id FROM {RowSnapshot.Prefix}ServiceRequests) AND Status = 'Locked' AND IsLocked = 1");
        if (locked != Timers)
        {
            throw new InvalidOperationException($"{locked} of {Timers} requests were locked by the poll.");
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

    private async Task<int> PollAsync()
    {
        var processed = await _app!.Services.GetRequiredService<WorkflowTimerPoll>().RunAsync();
        return processed == Timers ? processed : throw new InvalidOperationException($"The poll processed {processed} timers, not {Timers}.");
    }

    private async Task SetUpAsync(int tenants)
    {
        _database = Dataset.RequestsThousandTenants.CopyForWriting("timers");
        _app = BenchmarkApp.Open(_database);
        foreach (var tenant in Samples.TenantIds(_database).Keys.Order(StringComparer.Ordinal).Take(tenants))
        {
            await TakeRequestsAsync(tenant, Timers / tenants);
        }

        _snapshot = RowSnapshot.Take(_database, [
            ("ServiceRequests", "Id IN (SELECT InstanceId FROM WorkflowTimers WHERE TimerKey = 'requestedDateMissed')"),
            ("WorkflowInstances", $"Id IN (SELECT Id FROM {RowSnapshot.Prefix}ServiceRequests)"),
            ("WorkflowTimers", $"InstanceId IN (SELECT Id FROM {RowSnapshot.Prefix}ServiceRequests)"),
        ]);
        // Whether they are all due is the poll's check: it must process every one.
        var armed = _snapshot.Count("SELECT count(*) FROM WorkflowTimers WHERE State = 0 AND TimerKey = 'requestedDateMissed'");
        if (armed != Timers)
        {
            throw new InvalidOperationException($"{armed} requestedDateMissed timers are armed, not {Timers}.");
        }
    }

    // On the desk, as an agent takes a visit the customer wanted yesterday: the workflow starts and arms the timer for the end of that day.
    private async Task TakeRequestsAsync(string tenant, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = await _app!.RequestScopeAsync(tenant);
            var services = scope.ServiceProvider;
            var type = await services.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE")
                       ?? throw new InvalidOperationException($"Tenant {tenant} has no ONSITE type.");
            var yesterday = services.GetRequiredService<ITenantContext>().Tenant!.TodayFor(DateTimeOffset.UtcNow).AddDays(-1);
            var result = await services.GetRequiredService<RequestDesk>().CreateAsync(new RequestInput
            {
                ServiceTypeId = type.Id,
                Subject = "上门安装：客户要求昨天上门",
                ContactPhone = "13800138000",
                RequestedDate = yesterday,
                CustomFields = new Dictionary<string, string?> { ["mounting"] = "wall", ["floor_no"] = "12", ["height_work"] = "true" },
            }, Agent);
            if (result.Status != RequestSaveStatus.Saved)
            {
                throw new InvalidOperationException($"Taking a request for {tenant} failed: {string.Join(", ", result.Errors?.Values ?? [])}");
            }
        }
    }
}

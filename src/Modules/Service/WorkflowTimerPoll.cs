using AfterSales.Modules.Shared;
using AfterSales.Modules.Workflow;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AfterSales.Modules.Service;

/// <summary>
/// Fires the workflow timers of every tenant that have come due. Timers are rows, so a restart loses none; each replica's
/// poll claims a batch for a while before firing it, so replicas rarely do the same work twice, and when they do the
/// instance's own record of the armed timer makes the second firing a no-op.
/// </summary>
public sealed class WorkflowTimerPoll(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider clock, ILogger<WorkflowTimerPoll> log)
{
    public const int BatchSize = 500;

    /// <summary>
    /// Timers of one tenant fired and stored together: a commit per timer was most of a poll's time, while a batch much larger
    /// would hold SQLite's write lock long enough for users' saves to wait on it.
    /// </summary>
    public const int TimersPerSave = 50;

    /// <summary>
    /// Batches fired at the same time, each in its own scope: while one waits for its commit to reach the disk, another reads and
    /// decides. More would only queue on the database's single writer.
    /// </summary>
    public const int SavesAtOnce = 2;

    /// <summary>Failures after which a timer is left for an administrator instead of being tried again.</summary>
    public const int MaxAttempts = 5;

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Fires every timer due now, batch by batch; returns how many were processed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var processed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ClaimAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var saves = batch.GroupBy(t => t.TenantId).SelectMany(g => g.Select(t => t.Id).Chunk(TimersPerSave).Select(ids => (Tenant: g.Key, Ids: ids)));
            await Parallel.ForEachAsync(saves, new ParallelOptions { MaxDegreeOfParallelism = SavesAtOnce, CancellationToken = cancellationToken },
                async (save, token) => Interlocked.Add(ref processed, await FireAsync(save.Tenant, save.Ids, token)));

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return processed;
    }

    private async Task<IReadOnlyList<(long Id, string TenantId)>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IWorkflowDb>>().Create();
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        // The one query that crosses tenants: which timers are due. Each is then fired inside its own tenant's scope.
        var timers = db.WorkflowTimers.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]);
        var due = await timers.Where(t => t.State == WorkflowTimerState.Pending && t.DueAt <= now && (t.ClaimedUntil == null || t.ClaimedUntil < now))
            .OrderBy(t => t.DueAt).Select(t => t.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var until = now + ClaimFor;
        await timers.Where(t => due.Contains(t.Id) && t.State == WorkflowTimerState.Pending && (t.ClaimedUntil == null || t.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ClaimToken, token).SetProperty(t => t.ClaimedUntil, until), cancellationToken);
        return (await timers.Where(t => due.Contains(t.Id) && t.ClaimToken == token).Select(t => new { t.Id, t.TenantId }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.TenantId)).ToList();
    }

    private async Task<int> FireAsync(string tenantId, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (await tenantScopes.CreateScopeAsync(tenantId, "timer", cancellationToken) is not { } opened)
        {
            return 0;
        }

        await using var scope = opened;
        var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var fired = 0;
        IReadOnlyList<long> alone = ids;
        try
        {
            var batch = await workflow.FireTimersAsync(ids, cancellationToken);
            if (batch.Saved)
            {
                fired = ids.Count - batch.Left.Count;
                alone = batch.Left;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nothing of the batch was stored; one by one, the others fire and the one that throws is recorded as failing.
            log.LogDebug(exception, "A batch of workflow timers of tenant {Tenant} failed; firing them one by one", tenant.Identifier);
        }

        foreach (var id in alone)
        {
            fired += await FireOneAsync(scope, workflow, tenant, id, cancellationToken) ? 1 : 0;
        }

        return fired;
    }

    private async Task<bool> FireOneAsync(AsyncServiceScope scope, RequestWorkflow workflow, TenantInfo tenant, long id, CancellationToken cancellationToken)
    {
        try
        {
            // A transition stored meanwhile moved the instance on: the timer is judged again against the new state.
            if (!await workflow.FireTimerAsync(id, cancellationToken) && !await workflow.FireTimerAsync(id, cancellationToken))
            {
                await FailAsync(scope, id, "The request kept changing while the timer fired.", cancellationToken);
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.LogError(exception, "Workflow timer {Timer} of tenant {Tenant} failed", id, tenant.Identifier);
            await FailAsync(scope, id, exception.Message, cancellationToken);
            return false;
        }
    }

    // Tried again after a pause that grows with each failure, until it is left for an administrator.
    private async Task FailAsync(AsyncServiceScope scope, long id, string error, CancellationToken cancellationToken)
    {
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IWorkflowDb>>().Create();
        var timer = await db.WorkflowTimers.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (timer is not { State: WorkflowTimerState.Pending })
        {
            return;
        }

        timer.Attempts++;
        timer.LastError = error.Length > 1000 ? error[..1000] : error;
        timer.ClaimedUntil = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Pow(2, timer.Attempts));
        if (timer.Attempts >= MaxAttempts)
        {
            timer.State = WorkflowTimerState.Failed;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The Quartz job that runs <see cref="WorkflowTimerPoll"/>; one run at a time per replica.</summary>
[DisallowConcurrentExecution]
public sealed class WorkflowTimersJob(WorkflowTimerPoll poll) : IJob
{
    public static readonly JobKey Key = new("workflow-timers");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await poll.RunAsync(cancellationToken);
}

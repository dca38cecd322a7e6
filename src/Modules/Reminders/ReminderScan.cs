using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// One job for every tenant's reminders instead of a trigger per unit or rule: tenant by tenant, each in its own tenant scope, it
/// plans the rules not planned today and then sends the tenant's rows due by now; the tenants with rows waiting longest go first,
/// and several tenants are taken at a time (<see cref="ReminderScanOptions"/>). A reminder missed while the host was down is still
/// pending with its time in the past, so the next scan sends it.
/// </summary>
public sealed class ReminderScan(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider clock, ReminderScanOptions options, ILogger<ReminderScan> log)
{
    /// <summary>Plans and sends for every tenant; returns how many reminders were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var waiting = await TenantsWithDueAsync(cancellationToken);
        var tenants = waiting.Concat((await TenantsWithRulesAsync(cancellationToken)).Except(waiting)).ToList();
        var planned = 0;
        var sent = 0;
        // Planned and sent in one scope: a scope per tenant and step was a good part of a scan over many small tenants, and a
        // batch of due rows taken across tenants held one or two rows of each (docs/benchmarks.md).
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (tenantId, token) =>
            {
                if (await tenantScopes.CreateScopeAsync(tenantId, "reminders", token) is not { } opened)
                {
                    return;
                }

                await using var scope = opened;
                Interlocked.Add(ref planned, await InTenantAsync(tenantId, "planning", () => scope.ServiceProvider.GetRequiredService<ReminderPlanner>().PlanDueRulesAsync(token)));
                Interlocked.Add(ref sent, await InTenantAsync(tenantId, "sending", () => scope.ServiceProvider.GetRequiredService<ReminderSender>().SendDueAsync(null, token)));
            });

        log.LogInformation("Reminder scan: planned {Planned} and sent {Sent} reminders of {Tenants} tenants in {Seconds:F1} s",
            planned, sent, tenants.Count, clock.GetElapsedTime(started).TotalSeconds);
        return sent;
    }

    // The queries across tenants: which tenants have rules to plan, which rows are due.
    private async Task<IReadOnlyList<string>> TenantsWithRulesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        return await db.ReminderRules.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]).Where(r => r.IsEnabled)
            .Select(r => r.TenantId).Distinct().ToListAsync(cancellationToken);
    }

    // The tenants with rows due by now, the longest waiting first. Rows a tenant scope cannot take (suspended, deleted) stay pending.
    private async Task<IReadOnlyList<string>> TenantsWithDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var now = clock.GetUtcNow();
        // Asked tenant by tenant, each a seek on the tenant's own (TenantId, State, DueAt) index: an index of every tenant's rows
        // by due time cost each planned row a write at a random place in it (docs/benchmarks.md).
        var due = db.DueReminders.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]);
        return await db.ReminderRules.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]).Select(r => r.TenantId).Distinct()
            .Select(tenant => new
            {
                Tenant = tenant,
                Oldest = due.Where(r => r.TenantId == tenant && r.State == DueReminderState.Pending && r.DueAt <= now).Min(r => (DateTimeOffset?)r.DueAt),
            })
            .Where(t => t.Oldest != null).OrderBy(t => t.Oldest).Select(t => t.Tenant).ToListAsync(cancellationToken);
    }

    // One tenant's trouble must not hold back its other step nor the other tenants' reminders.
    private async Task<int> InTenantAsync(string tenantId, string step, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.LogError(exception, "Reminder {Step} of tenant {Tenant} failed", step, tenantId);
            return 0;
        }
    }
}

/// <summary>How many tenants the scan plans or sends at the same time (<c>Reminders:ScanParallelism</c>, by default one per core).</summary>
public sealed record ReminderScanOptions(int Parallelism);

/// <summary>The Quartz job that runs <see cref="ReminderScan"/>; one run at a time per replica.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderScan scan) : IJob
{
    public static readonly JobKey Key = new("reminder-scan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await scan.RunAsync(cancellationToken);
}

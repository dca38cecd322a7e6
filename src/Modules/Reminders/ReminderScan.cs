using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// One job for every tenant's reminders instead of a trigger per unit or rule: it plans the rules not planned today, then sends
/// the due-reminder rows due by now, tenant by tenant in its own tenant scope, the tenant waiting longest first. A reminder missed while the
/// host was down is still pending with its time in the past, so the next scan sends it.
/// </summary>
public sealed class ReminderScan(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider clock, ReminderScanOptions options, ILogger<ReminderScan> log)
{
    /// <summary>Plans and sends for every tenant; returns how many reminders were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var tenants = await TenantsWithRulesAsync(cancellationToken);
        var planned = await ForEachTenantAsync(tenants, (sp, token) => sp.GetRequiredService<ReminderPlanner>().PlanDueRulesAsync(token), cancellationToken);

        var planning = clock.GetElapsedTime(started);

        // Each tenant's due rows in one scope, oldest first: a batch taken across tenants by due time holds one or two rows of each,
        // and a scope per row was most of the scan's time (docs/benchmarks.md).
        var sent = await ForEachTenantAsync(await TenantsWithDueAsync(cancellationToken),
            (sp, token) => sp.GetRequiredService<ReminderSender>().SendDueAsync(null, token), cancellationToken);

        log.LogInformation("Reminder scan: planned {Planned} reminders of {Tenants} tenants in {Planning:F1} s, sent {Sent} in {Sending:F1} s",
            planned, tenants.Count, planning.TotalSeconds, sent, (clock.GetElapsedTime(started) - planning).TotalSeconds);
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

    // In list order, up to the configured number of tenants at a time.
    private async Task<int> ForEachTenantAsync(IReadOnlyList<string> tenantIds, Func<IServiceProvider, CancellationToken, Task<int>> work,
        CancellationToken cancellationToken)
    {
        var total = 0;
        await Parallel.ForEachAsync(tenantIds, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (tenantId, token) => Interlocked.Add(ref total, await InTenantAsync(tenantId, work, token)));
        return total;
    }

    private async Task<int> InTenantAsync(string tenantId, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        if (await tenantScopes.CreateScopeAsync(tenantId, "reminders", cancellationToken) is not { } opened)
        {
            return 0;
        }

        await using var scope = opened;
        try
        {
            return await work(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One tenant's trouble must not hold back the others' reminders.
            log.LogError(exception, "Reminders of tenant {Tenant} failed", tenantId);
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

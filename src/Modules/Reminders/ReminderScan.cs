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
public sealed class ReminderScan(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider clock, ILogger<ReminderScan> log)
{
    /// <summary>Plans and sends for every tenant; returns how many reminders were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var tenants = await TenantsWithRulesAsync(cancellationToken);
        var planned = 0;
        foreach (var tenantId in tenants)
        {
            planned += await InTenantAsync(tenantId, (sp, token) => sp.GetRequiredService<ReminderPlanner>().PlanDueRulesAsync(token), cancellationToken);
        }

        var planning = clock.GetElapsedTime(started);

        // Each tenant's due rows in one scope, oldest first: a batch taken across tenants by due time holds one or two rows of each,
        // and a scope per row was most of the scan's time (docs/benchmarks.md).
        var sent = 0;
        foreach (var tenantId in await TenantsWithDueAsync(cancellationToken))
        {
            sent += await InTenantAsync(tenantId, (sp, token) => sp.GetRequiredService<ReminderSender>().SendDueAsync(null, token), cancellationToken);
        }

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
        return await db.DueReminders.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName])
            .Where(r => r.State == DueReminderState.Pending && r.DueAt <= now)
            .GroupBy(r => r.TenantId).OrderBy(g => g.Min(r => r.DueAt)).Select(g => g.Key).ToListAsync(cancellationToken);
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

/// <summary>The Quartz job that runs <see cref="ReminderScan"/>; one run at a time per replica.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderScan scan) : IJob
{
    public static readonly JobKey Key = new("reminder-scan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await scan.RunAsync(cancellationToken);
}

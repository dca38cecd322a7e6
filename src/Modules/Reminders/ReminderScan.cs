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
/// the due-reminder rows due by now, oldest first, each tenant's share in its own tenant scope. A reminder missed while the
/// host was down is still pending with its time in the past, so the next scan sends it.
/// </summary>
public sealed class ReminderScan(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, TimeProvider clock, ILogger<ReminderScan> log)
{
    public const int BatchSize = 1000;

    /// <summary>Plans and sends for every tenant; returns how many reminders were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var tenantId in await TenantsWithRulesAsync(cancellationToken))
        {
            await InTenantAsync(tenantId, (sp, token) => sp.GetRequiredService<ReminderPlanner>().PlanDueRulesAsync(token), cancellationToken);
        }

        var sent = 0;
        var seen = new HashSet<long>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await DueAsync(cancellationToken);
            // Rows a tenant scope could not take (suspended, deleted) or another replica holds stay pending: one look per run.
            batch = batch.Where(r => seen.Add(r.Id)).ToList();
            foreach (var tenant in batch.GroupBy(r => r.TenantId))
            {
                var ids = tenant.Select(r => r.Id).ToList();
                sent += await InTenantAsync(tenant.Key, (sp, token) => sp.GetRequiredService<ReminderSender>().SendAsync(ids, token), cancellationToken);
            }

            if (batch.Count == 0)
            {
                break;
            }
        }

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

    private async Task<IReadOnlyList<(long Id, string TenantId)>> DueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var now = clock.GetUtcNow();
        return (await db.DueReminders.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName])
                .Where(r => r.State == DueReminderState.Pending && r.DueAt <= now)
                .OrderBy(r => r.DueAt).Take(BatchSize).Select(r => new { r.Id, r.TenantId }).ToListAsync(cancellationToken))
            .Select(r => (r.Id, r.TenantId)).ToList();
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

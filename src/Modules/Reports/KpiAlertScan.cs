using System.Globalization;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Evaluates every tenant's enabled KPI thresholds in its own tenant scope and tells its managers in-app (through the
/// notification outbox) of a breach, once per period: the rule remembers the period it told them about, and that mark and the
/// notifications are saved together under the rule's concurrency stamp, so two scans cannot both notify.
/// </summary>
public sealed class KpiAlertScan(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, ILogger<KpiAlertScan> log)
{
    public const string TemplateKey = "kpi-alert";

    /// <summary>Returns how many notifications were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        List<string> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IReportsDb>>().Create();
            tenants = await db.KpiAlertRules.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]).Where(r => r.IsEnabled)
                .Select(r => r.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        var queued = 0;
        foreach (var tenantId in tenants)
        {
            if (await tenantScopes.CreateScopeAsync(tenantId, "kpi-alerts", cancellationToken) is not { } opened)
            {
                continue;
            }

            await using var scope = opened;
            try
            {
                queued += await ScanTenantAsync(scope.ServiceProvider, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One tenant's trouble must not keep the others' managers uninformed.
                log.LogError(exception, "KPI alerts of tenant {Tenant} failed", tenantId);
            }
        }

        return queued;
    }

    private static async Task<int> ScanTenantAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var tenant = services.GetRequiredService<ITenantContext>().Tenant!;
        var alerts = services.GetRequiredService<KpiAlerts>();
        var text = services.GetRequiredService<IStringLocalizer<ReportText>>();
        var clock = services.GetRequiredService<TimeProvider>();
        using var db = services.GetRequiredService<IDbFactory<IReportsDb>>().Create();
        var queued = 0;
        foreach (var rule in await db.KpiAlertRules.Where(r => r.IsEnabled).ToListAsync(cancellationToken))
        {
            var (value, period) = await alerts.MeasureAsync(db, rule.Kind, cancellationToken);
            if (value is not { } measured || !KpiAlerts.IsBreached(rule.Kind, measured, rule.Threshold) || rule.NotifiedPeriod == period)
            {
                continue;
            }

            var managers = await ManagersAsync(db, cancellationToken);
            var now = clock.GetUtcNow();
            var (subject, body) = Message(text, tenant.DefaultCulture, rule, measured);
            foreach (var (id, name) in managers)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Channel = DeliveryChannel.InApp, Recipient = id, RecipientName = name, TemplateKey = TemplateKey, Subject = subject, Body = body,
                    Link = "reports/alerts", Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                });
            }

            rule.NotifiedPeriod = period;
            rule.NotifiedValue = measured;
            rule.NotifiedAt = now;
            rule.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                queued += managers.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another scan (or the manager changing a rule) got there first; its word stands, and the next run looks again.
                return queued;
            }
        }

        return queued;
    }

    // Service managers; a tenant without one hears through its admins.
    private static async Task<IReadOnlyList<(string Id, string Name)>> ManagersAsync(IReportsDb db, CancellationToken cancellationToken)
    {
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join role in db.Roles on ur.RoleId equals role.Id
                            where role.Name == Roles.Manager || role.Name == Roles.TenantAdmin
                            where u.LockoutEnd == null
                            select new { u.Id, u.DisplayName, Role = role.Name }).ToListAsync(cancellationToken);
        var managers = people.Where(p => p.Role == Roles.Manager).ToList();
        return (managers.Count > 0 ? managers : people).Select(p => (p.Id, p.DisplayName)).Distinct().ToList();
    }

    private static (string Subject, string Body) Message(IStringLocalizer<ReportText> text, string culture, KpiAlertRule rule, double value)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            // The job has no user: the tenant's language it is.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(culture) ? "zh-CN" : culture);
            var shown = (double v) => rule.Kind == KpiKind.SlaBreachedAbove ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : v.ToString("0.##", CultureInfo.InvariantCulture);
            return (text["Alert.Subject." + rule.Kind].Value, text["Alert.Body." + rule.Kind, shown(value), shown(rule.Threshold)].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>The Quartz job that runs <see cref="KpiAlertScan"/>; one run at a time per replica.</summary>
[DisallowConcurrentExecution]
public sealed class KpiAlertJob(KpiAlertScan scan) : IJob
{
    public static readonly JobKey Key = new("kpi-alert-scan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await scan.RunAsync(cancellationToken);
}

using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// The manager's KPI thresholds (/reports/alerts) and how each stands now. A kind without a row is off with its default
/// threshold; the row is written on the first save.
/// </summary>
public sealed class KpiAlerts(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext, TimeProvider clock)
{
    public static readonly IReadOnlyList<KpiKind> Kinds = [KpiKind.CsatBelow, KpiKind.LockedAbove, KpiKind.SlaBreachedAbove];

    public static double DefaultThreshold(KpiKind kind) => kind switch
    {
        KpiKind.CsatBelow => 4.0,
        KpiKind.LockedAbove => 10,
        _ => 10,
    };

    /// <summary>The range a threshold must lie in: a 1–5 score, a count, a percentage.</summary>
    public static (double Min, double Max) Range(KpiKind kind) => kind switch
    {
        KpiKind.CsatBelow => (1, 5),
        KpiKind.LockedAbove => (0, 100_000),
        _ => (0, 100),
    };

    public async Task<IReadOnlyList<KpiStanding>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rules = await db.KpiAlertRules.AsNoTracking().ToListAsync(cancellationToken);
        var standings = new List<KpiStanding>();
        foreach (var kind in Kinds)
        {
            var rule = rules.FirstOrDefault(r => r.Kind == kind) ?? new KpiAlertRule { Kind = kind, Threshold = DefaultThreshold(kind), ConcurrencyStamp = "" };
            var (value, period) = await MeasureAsync(db, kind, cancellationToken);
            standings.Add(new KpiStanding(rule, value, period, value is { } v && IsBreached(kind, v, rule.Threshold)));
        }

        return standings;
    }

    /// <param name="stamp">The rule's stamp as the manager loaded it ("" for a kind never saved).</param>
    public async Task<KpiSaveStatus> SaveAsync(KpiKind kind, double threshold, bool enabled, string stamp, CancellationToken cancellationToken = default)
    {
        var (min, max) = Range(kind);
        if (double.IsNaN(threshold) || threshold < min || threshold > max || (kind == KpiKind.LockedAbove && threshold != Math.Floor(threshold)))
        {
            return KpiSaveStatus.Invalid;
        }

        using var db = dbFactory.Create();
        var rule = await db.KpiAlertRules.FirstOrDefaultAsync(r => r.Kind == kind, cancellationToken);
        if (rule is null)
        {
            if (stamp != "")
            {
                return KpiSaveStatus.Conflict;
            }

            rule = new KpiAlertRule { Kind = kind };
            db.KpiAlertRules.Add(rule);
        }
        else if (rule.ConcurrencyStamp != stamp)
        {
            return KpiSaveStatus.Conflict;
        }

        // A changed threshold is a new promise: a breach of it in the current period is news again.
        if (rule.Threshold != threshold)
        {
            rule.NotifiedPeriod = null;
        }

        rule.Threshold = threshold;
        rule.IsEnabled = enabled;
        rule.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return KpiSaveStatus.Saved;
        }
        catch (DbUpdateException)
        {
            // Another manager saved (or first created) the same kind meanwhile.
            return KpiSaveStatus.Conflict;
        }
    }

    public static bool IsBreached(KpiKind kind, double value, double threshold) => kind == KpiKind.CsatBelow ? value < threshold : value > threshold;

    /// <summary>The kind's value now and the period it belongs to (a week from Monday, or today); null when there is nothing to measure yet.</summary>
    internal async Task<(double? Value, string Period)> MeasureAsync(IReportsDb db, KpiKind kind, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant;
        var now = clock.GetUtcNow();
        var today = tenant.TodayFor(now);
        var week = ReportFilter.BucketStart(today, ReportBucket.Week);
        var weekKey = "W" + week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var weekStart = tenant.MidnightUtc(week);
        switch (kind)
        {
            case KpiKind.CsatBelow:
                var scores = db.ReturnVisits.Where(v => v.Status == ReturnVisitStatus.Done && v.Satisfaction != null && v.RecordedAt >= weekStart);
                var answered = await scores.CountAsync(cancellationToken);
                return (answered == 0 ? null : Math.Round(await scores.AverageAsync(v => (double)v.Satisfaction!.Value, cancellationToken), 2), weekKey);
            case KpiKind.LockedAbove:
                return (await db.ServiceRequests.CountAsync(r => r.IsLocked, cancellationToken), "D" + today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            default:
                // Of the requests whose SLA ran out this week so far: those not closed in time.
                var due = db.ServiceRequests.Where(r => r.DueAt >= weekStart && r.DueAt < now && r.Status != AfterSales.Modules.Service.RequestStatuses.Cancelled);
                var dueCount = await due.CountAsync(cancellationToken);
                var breached = await due.CountAsync(r => r.ClosedAt == null || r.ClosedAt > r.DueAt, cancellationToken);
                return (Percent.Of(breached, dueCount), weekKey);
        }
    }
}

/// <param name="Period">The period the value is of (W2026-02-02 for a week from Monday, D2026-02-03 for a day).</param>
public sealed record KpiStanding(KpiAlertRule Rule, double? Value, string Period, bool Breached);

public enum KpiSaveStatus
{
    Saved,
    Invalid,
    Conflict,
}

using System.Globalization;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// The numbers of the role dashboards. Each one counts exactly what the request list shows for the view its link opens
/// (Mine, DueToday, Overdue, Locked, AtRisk, Open by type), so a click never shows a different number.
/// </summary>
public sealed class DashboardFigures(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext, TimeProvider clock)
{
    public const int CsatWeeks = 8;

    public async Task<DeskFigures> DeskAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        var tenant = tenantContext.Tenant;
        var endOfToday = tenant.MidnightUtc(tenant.TodayFor(now).AddDays(1));
        var open = db.ServiceRequests.Where(r => r.StatusCategory != StatusCategory.Done);
        return new DeskFigures(
            await open.CountAsync(r => r.AssigneeId == userId, cancellationToken),
            await open.CountAsync(r => r.DueAt >= now && r.DueAt < endOfToday, cancellationToken),
            await open.CountAsync(r => r.DueAt < now, cancellationToken));
    }

    public async Task<ManagerFigures> ManagerAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        var tenant = tenantContext.Tenant;
        var open = db.ServiceRequests.Where(r => r.StatusCategory != StatusCategory.Done);
        var locked = await db.ServiceRequests.CountAsync(r => r.IsLocked, cancellationToken);
        var atRiskUntil = now + RequestViews.AtRiskWithin;
        var atRisk = await open.CountAsync(r => r.DueAt >= now && r.DueAt < atRiskUntil, cancellationToken);
        var backlog = await open.GroupBy(r => r.ServiceTypeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var types = await db.ServiceTypes.AsNoTracking().ToListAsync(cancellationToken);
        var byType = types.OrderBy(t => t.SortOrder).Where(t => backlog.Any(b => b.Key == t.Id))
            .Select(t => new TypeBacklog(t.Id, t.NameIn(culture), t.Color, backlog.First(b => b.Key == t.Id).Count)).ToList();
        return new ManagerFigures(locked, atRisk, byType, await CsatTrendAsync(db, tenant, now, cancellationToken));
    }

    // Average satisfaction per week (Monday first) of the answered return visits, the last weeks up to this one.
    private static async Task<IReadOnlyList<CsatWeek>> CsatTrendAsync(IReportsDb db, TenantInfo? tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var thisWeek = ReportFilter.BucketStart(tenant.TodayFor(now), ReportBucket.Week);
        var firstWeek = thisWeek.AddDays(-7 * (CsatWeeks - 1));
        var since = tenant.MidnightUtc(firstWeek);
        // A few thousand answers at most in eight weeks; their instants are put in weeks here, as SQLite cannot group its binary instants.
        var answers = await db.ReturnVisits.Where(v => v.Status == ReturnVisitStatus.Done && v.Satisfaction != null && v.RecordedAt >= since)
            .Select(v => new { v.RecordedAt, v.Satisfaction }).ToListAsync(cancellationToken);
        var byWeek = answers.GroupBy(a => ReportFilter.BucketStart(DateOnly.FromDateTime(a.RecordedAt!.Value.ToTenantTime(tenant).DateTime), ReportBucket.Week))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Average: Math.Round(g.Average(a => a.Satisfaction!.Value), 2)));
        return Enumerable.Range(0, CsatWeeks).Select(i => firstWeek.AddDays(7 * i))
            .Select(week => byWeek.TryGetValue(week, out var w) ? new CsatWeek(week, w.Count, w.Average) : new CsatWeek(week, 0, null)).ToList();
    }
}

public sealed record DeskFigures(int MyOpen, int DueToday, int Overdue);

public sealed record ManagerFigures(int Locked, int AtRisk, IReadOnlyList<TypeBacklog> Backlog, IReadOnlyList<CsatWeek> Csat);

public sealed record TypeBacklog(Guid TypeId, string Name, string Color, int Open);

public sealed record CsatWeek(DateOnly Week, int Answers, double? Average);

using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Engineers (工程师绩效): per engineer, the work of the period (reports by visit date) and how it was received (return
/// visits answered and SLAs settled in the period), for appraisal. Each figure is one GROUP BY over the engineer.
/// </summary>
public sealed class EngineerRanking(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext)
{
    public async Task<IReadOnlyList<EngineerRow>> RunAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var tenant = tenantContext.Tenant;
        var (since, until) = filter.Instants(tenant);
        var requests = RequestScope.Of(db, filter, tenant, byPeriod: false, byEngineer: false);
        var reports = db.WorkReports.Where(w => w.State != WorkReportState.Draft && w.VisitedOn >= filter.From && w.VisitedOn <= filter.To);
        if (RequestScope.NarrowsRequests(filter))
        {
            reports = from w in reports join r in requests on w.ServiceRequestId equals r.Id select w;
        }
        if (filter.EngineerId is { } engineer)
        {
            reports = reports.Where(w => w.EngineerId == engineer);
            requests = requests.Where(r => r.AssigneeId == engineer);
        }

        var work = await reports.GroupBy(w => w.EngineerId).Select(g => new
        {
            Id = g.Key,
            Name = g.Max(w => w.EngineerName),
            Requests = g.Select(w => w.ServiceRequestId).Distinct().Count(),
            Visits = g.Count(),
            // Decimals are text on SQLite; summing them as doubles works on every provider, and the sums are rounded for display.
            Hours = g.Sum(w => (double)w.LaborHours),
            FirstVisits = g.Count(w => w.Visit == 1),
            FixedFirstTime = g.Count(w => w.Visit == 1 && w.Result == WorkResult.Solved),
        }).ToListAsync(cancellationToken);
        var parts = await (from p in db.WorkReportParts
                           join w in reports on p.WorkReportId equals w.Id
                           group p by w.EngineerId into g
                           select new { Id = g.Key, Quantity = g.Sum(p => (double)p.Quantity) }).ToDictionaryAsync(p => p.Id, p => p.Quantity, cancellationToken);
        var csat = await (from v in db.ReturnVisits
                          join r in requests on v.ServiceRequestId equals r.Id
                          where v.Status == ReturnVisitStatus.Done && v.Satisfaction != null && v.RecordedAt >= since && v.RecordedAt < until && r.AssigneeId != null
                          group v by r.AssigneeId into g
                          select new { Id = g.Key!, Count = g.Count(), Sum = g.Sum(v => v.Satisfaction!.Value) }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var sla = await requests.Where(r => r.AssigneeId != null && r.DueAt != null && r.ClosedAt >= since && r.ClosedAt < until)
            .GroupBy(r => r.AssigneeId!).Select(g => new { Id = g.Key, Settled = g.Count(), Kept = g.Count(r => r.ClosedAt <= r.DueAt), Name = g.Max(r => r.AssigneeName) })
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        var rows = work.Select(w => new EngineerRow(w.Id, w.Name ?? w.Id, w.Requests, w.Visits, Math.Round(w.Hours, 2), Math.Round(parts.GetValueOrDefault(w.Id), 2),
                w.FirstVisits, w.FixedFirstTime, csat.GetValueOrDefault(w.Id)?.Count ?? 0, Average(csat.GetValueOrDefault(w.Id)?.Sum, csat.GetValueOrDefault(w.Id)?.Count),
                sla.GetValueOrDefault(w.Id)?.Settled ?? 0, sla.GetValueOrDefault(w.Id)?.Kept ?? 0))
            .ToList();
        // Engineers rated or settling SLAs in the period without a report in it still belong in the ranking.
        foreach (var id in csat.Keys.Union(sla.Keys).Where(id => rows.All(r => r.EngineerId != id)))
        {
            rows.Add(new EngineerRow(id, sla.GetValueOrDefault(id)?.Name ?? await NameAsync(db, id, cancellationToken), 0, 0, 0, 0, 0, 0,
                csat.GetValueOrDefault(id)?.Count ?? 0, Average(csat.GetValueOrDefault(id)?.Sum, csat.GetValueOrDefault(id)?.Count),
                sla.GetValueOrDefault(id)?.Settled ?? 0, sla.GetValueOrDefault(id)?.Kept ?? 0));
        }

        return rows.OrderByDescending(r => r.Requests).ThenByDescending(r => r.FirstTimeFixRate ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    private static double? Average(int? sum, int? count) => count is > 0 ? Math.Round((double)sum!.Value / count.Value, 2) : null;

    private static async Task<string> NameAsync(IReportsDb db, string id, CancellationToken cancellationToken) =>
        await db.ServiceRequests.Where(r => r.AssigneeId == id).Select(r => r.AssigneeName).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? id;
}

/// <param name="Requests">Distinct requests the engineer reported a visit on.</param>
/// <param name="Rated">Return visits answered with a satisfaction score.</param>
/// <param name="SlaSettled">Requests assigned to them closed in the period under an SLA.</param>
public sealed record EngineerRow(
    string EngineerId, string Name, int Requests, int Visits, double LaborHours, double PartsUsed, int FirstVisits, int FixedFirstTime,
    int Rated, double? Csat, int SlaSettled, int SlaKept)
{
    public double? FirstTimeFixRate => Percent.Of(FixedFirstTime, FirstVisits);

    public double? SlaKeptRate => Percent.Of(SlaKept, SlaSettled);
}

using AfterSales.Modules.Rma;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Return to factory (返厂): how many units came back, how long each step of the RMA workflow took (from the timeline's status
/// changes), what the factory's re-judgement found (warranty, responsibility, cost sharing) and what the customer was charged.
/// Requests are those of the RMA type or running its workflow, taken in the period; cancelled ones are left out.
/// </summary>
public sealed class RmaReport(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext, RequestWorkflow workflow)
{
    /// <summary>The step after the factory's repair: reaching it ends the turnaround the customer waits for.</summary>
    public const string ShippedBack = "ShippedBack";

    public async Task<RmaResult> RunAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var tenant = tenantContext.Tenant;
        var requests = RequestScope.Of(db, filter, tenant)
            .Where(r => (r.ServiceType!.Code == ReturnsToFactory.TypeCode || r.WorkflowKey == ReturnsToFactory.TypeCode) && r.Status != RequestStatuses.Cancelled);
        var rows = await requests.Select(r => new { r.Id, r.CreatedAt, r.ClosedAt }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return RmaResult.Empty(PeriodCounts.Of(filter, []));
        }

        // Status changes of a few hundred returns a month: their spells are measured here, a database cannot pair consecutive rows portably.
        var changes = (await (from e in db.RequestEvents.AsNoTracking()
                              join r in requests on e.ServiceRequestId equals r.Id
                              where e.Kind == RequestEventKind.StatusChanged
                              select new { e.ServiceRequestId, e.Id, e.At, e.FromStatus, e.ToStatus }).ToListAsync(cancellationToken))
            .GroupBy(e => e.ServiceRequestId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.At).ThenBy(e => e.Id).ToList());

        var perStatus = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        var toShippedBack = new List<TimeSpan>();
        foreach (var request in rows)
        {
            var spent = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            var list = changes.GetValueOrDefault(request.Id) ?? [];
            var status = list.FirstOrDefault()?.FromStatus ?? RequestStatuses.WaitingForAssignment;
            var since = request.CreatedAt;
            foreach (var change in list)
            {
                spent[status] = spent.GetValueOrDefault(status) + (change.At - since);
                status = change.ToStatus ?? status;
                since = change.At;
            }

            // The step it is in now has not ended: only finished steps are measured.
            foreach (var (key, time) in spent)
            {
                (perStatus.TryGetValue(key, out var times) ? times : perStatus[key] = []).Add(time);
            }

            if (list.FirstOrDefault(c => c.ToStatus == ShippedBack) is { } shipped)
            {
                toShippedBack.Add(shipped.At - request.CreatedAt);
            }
        }

        // In the workflow's order of steps, named as it names them now.
        var definition = await workflow.PublishedAsync(ReturnsToFactory.TypeCode, cancellationToken);
        List<StatusLabel> labels = definition is null ? [] : definition.Statuses.Select(s => RequestWorkflow.Label(definition, s.Key)).ToList();
        var order = labels.Select((l, i) => (l.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var steps = perStatus.OrderBy(s => order.GetValueOrDefault(s.Key, int.MaxValue)).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new StepTurnaround(s.Key, labels.FirstOrDefault(l => l.Key == s.Key)?.Name ?? s.Key, Duration.Of(s.Value))).ToList();

        var judgements = (await (from j in db.RmaJudgements.AsNoTracking()
                                 join r in requests on j.ServiceRequestId equals r.Id
                                 select j).ToListAsync(cancellationToken))
            .GroupBy(j => j.ServiceRequestId).Select(g => g.OrderByDescending(j => j.At).First()).ToList();

        var reports = from w in db.WorkReports
                      join r in requests on w.ServiceRequestId equals r.Id
                      where w.State != WorkReportState.Draft
                      select w;
        // Decimals are text on SQLite: summed as doubles and rounded back to cents.
        var fees = await reports.SumAsync(w => (double)w.LaborFee + (double)w.TravelFee + (double)w.OtherFee, cancellationToken);
        var parts = await (from p in db.WorkReportParts
                           join w in reports on p.WorkReportId equals w.Id
                           group p by p.Charged into g
                           select new { Charged = g.Key, Amount = g.Sum(p => (double)p.Quantity * (double)p.UnitPrice) }).ToListAsync(cancellationToken);

        return new RmaResult(
            rows.Count, rows.Count(r => r.ClosedAt != null),
            PeriodCounts.Of(filter, tenant, rows.Select(r => r.CreatedAt)),
            steps,
            Duration.Of(toShippedBack),
            Duration.Of(rows.Where(r => r.ClosedAt != null).Select(r => r.ClosedAt!.Value - r.CreatedAt)),
            judgements.Count, judgements.Count(j => j.WarrantyCovered == true), judgements.Count(j => j.WarrantyCovered == false),
            PeriodCounts.Named(judgements.Select(j => j.Responsibility)),
            PeriodCounts.Named(judgements.Select(j => j.CostSharing)),
            Math.Round((decimal)(fees + parts.Where(p => p.Charged).Sum(p => p.Amount)), 2),
            Math.Round((decimal)parts.Where(p => !p.Charged).Sum(p => p.Amount), 2));
    }
}

public sealed record StepTurnaround(string Status, string Name, Duration Time);

/// <param name="ToShippedBack">From registration until the unit was first shipped back to the customer.</param>
/// <param name="Judged">Requests with a re-judgement; the latest one of each counts.</param>
/// <param name="CustomerCharged">Fees and charged parts of their submitted work reports.</param>
/// <param name="WarrantyParts">Parts of those reports the warranty paid for, at their price.</param>
public sealed record RmaResult(
    int Total, int Closed, IReadOnlyList<PeriodCount> Periods, IReadOnlyList<StepTurnaround> Steps, Duration ToShippedBack, Duration ToClose,
    int Judged, int Covered, int NotCovered, IReadOnlyList<NamedCount> Responsibility, IReadOnlyList<NamedCount> CostSharing,
    decimal CustomerCharged, decimal WarrantyParts)
{
    public int Open => Total - Closed;

    public static RmaResult Empty(IReadOnlyList<PeriodCount> periods) =>
        new(0, 0, periods, [], Duration.Of([]), Duration.Of([]), 0, 0, 0, [], [], 0m, 0m);
}

using System.Globalization;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Response and resolution (响应与解决): how soon requests were first answered, assigned and solved, how often the first visit
/// fixed it, whether the SLA held, how many came back or were locked. Counts are grouped in the database; times need every
/// request's instants (a median cannot be summed), so those come back as two columns per request and are measured here.
/// </summary>
public sealed class ResolutionReport(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext, TimeProvider clock)
{
    // What counts as a person reacting to a request: not the system's own timers, locks and visit reminders.
    private static readonly RequestEventKind[] Responses =
        [RequestEventKind.StatusChanged, RequestEventKind.Assigned, RequestEventKind.Comment, RequestEventKind.Appointment];

    public async Task<ResolutionResult> RunAsync(ReportFilter filter, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        var requests = RequestScope.Of(db, filter, tenantContext.Tenant).Where(r => r.Status != RequestStatuses.Cancelled);

        var perType = await requests.GroupBy(r => r.ServiceTypeId).Select(g => new
        {
            TypeId = g.Key,
            Requests = g.Count(),
            Closed = g.Count(r => r.ClosedAt != null),
            SlaKept = g.Count(r => r.DueAt != null && r.ClosedAt != null && r.ClosedAt <= r.DueAt),
            SlaBreached = g.Count(r => r.DueAt != null && ((r.ClosedAt != null && r.ClosedAt > r.DueAt) || (r.ClosedAt == null && r.DueAt < now))),
            Locked = g.Count(r => r.IsLocked),
        }).ToListAsync(cancellationToken);
        var typeIds = perType.Select(t => t.TypeId).ToList();
        var types = (await db.ServiceTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToListAsync(cancellationToken)).ToDictionary(t => t.Id);

        var created = await requests.Select(r => new { r.Id, r.ServiceTypeId, r.CreatedAt, r.ClosedAt }).ToListAsync(cancellationToken);
        var firstResponse = await FirstAsync(db, requests, e => Responses.Contains(e.Kind) && e.ByUserId != null, cancellationToken);
        var firstAssigned = await FirstAsync(db, requests, e => e.Kind == RequestEventKind.Assigned, cancellationToken);

        var firstVisits = from w in db.WorkReports
                          join r in requests on w.ServiceRequestId equals r.Id
                          where w.Visit == 1 && w.State != WorkReportState.Draft
                          select w;
        var visited = await firstVisits.CountAsync(cancellationToken);
        var fixedFirst = await firstVisits.CountAsync(w => w.Result == WorkResult.Solved, cancellationToken);

        // Reopened: the customer's return visit sent it back, or someone took it out of a done status.
        var reopenedRequests = requests.Where(r =>
            db.ReturnVisits.Any(v => v.ServiceRequestId == r.Id && v.Satisfied == false)
            || db.RequestEvents.Any(e => e.ServiceRequestId == r.Id && e.Kind == RequestEventKind.StatusChanged && e.FromStatus == RequestStatuses.Closed));
        var reopened = await reopenedRequests.CountAsync(cancellationToken);
        var reopenedOpen = await reopenedRequests.CountAsync(r => r.ClosedAt == null, cancellationToken);
        var everLocked = await requests.CountAsync(r => r.IsLocked || db.RequestEvents.Any(e => e.ServiceRequestId == r.Id && e.Kind == RequestEventKind.Locked), cancellationToken);

        var byType = perType.OrderBy(t => types.GetValueOrDefault(t.TypeId)?.SortOrder).Select(t =>
        {
            var mine = created.Where(c => c.ServiceTypeId == t.TypeId).ToList();
            return new ResolutionRow(types.GetValueOrDefault(t.TypeId)?.NameIn(culture) ?? "?", t.Requests, t.Closed,
                Duration.Of(mine.Where(c => firstResponse.ContainsKey(c.Id)).Select(c => firstResponse[c.Id] - c.CreatedAt)),
                Duration.Of(mine.Where(c => c.ClosedAt != null).Select(c => c.ClosedAt!.Value - c.CreatedAt)),
                t.SlaKept, t.SlaBreached, t.Locked);
        }).ToList();

        var closed = perType.Sum(t => t.Closed);
        return new ResolutionResult(
            perType.Sum(t => t.Requests), closed,
            Duration.Of(created.Where(c => firstResponse.ContainsKey(c.Id)).Select(c => firstResponse[c.Id] - c.CreatedAt)),
            Duration.Of(created.Where(c => firstAssigned.ContainsKey(c.Id)).Select(c => firstAssigned[c.Id] - c.CreatedAt)),
            Duration.Of(created.Where(c => c.ClosedAt != null).Select(c => c.ClosedAt!.Value - c.CreatedAt)),
            visited, fixedFirst, perType.Sum(t => t.SlaKept), perType.Sum(t => t.SlaBreached), reopened, closed + reopenedOpen,
            perType.Sum(t => t.Locked), everLocked, byType);
    }

    // The first matching event of each request, found by the database (MIN per request).
    private static async Task<Dictionary<Guid, DateTimeOffset>> FirstAsync(
        IReportsDb db, IQueryable<ServiceRequest> requests, System.Linq.Expressions.Expression<Func<RequestEvent, bool>> which, CancellationToken cancellationToken) =>
        await (from e in db.RequestEvents.Where(which)
               join r in requests on e.ServiceRequestId equals r.Id
               group e by e.ServiceRequestId into g
               select new { Id = g.Key, At = g.Min(e => e.At) })
            .ToDictionaryAsync(e => e.Id, e => e.At, cancellationToken);
}

/// <param name="FirstVisits">Requests with a submitted report of their first visit.</param>
/// <param name="FixedFirstTime">Of those, solved on that first visit.</param>
/// <param name="Reopened">Sent back by the return visit or taken out of closed.</param>
/// <param name="SolvedOnce">Solved at least once: closed now, or reopened and not closed again yet.</param>
/// <param name="LockedNow">Locked for the manager now.</param>
/// <param name="EverLocked">Locked at any time.</param>
public sealed record ResolutionResult(
    int Requests, int Closed, Duration FirstResponse, Duration Assignment, Duration Resolution, int FirstVisits, int FixedFirstTime,
    int SlaKept, int SlaBreached, int Reopened, int SolvedOnce, int LockedNow, int EverLocked, IReadOnlyList<ResolutionRow> ByType)
{
    public double? FirstTimeFixRate => Percent.Of(FixedFirstTime, FirstVisits);

    public double? SlaKeptRate => Percent.Of(SlaKept, SlaKept + SlaBreached);

    public double? ReopenRate => Percent.Of(Reopened, SolvedOnce);
}

public sealed record ResolutionRow(string Type, int Requests, int Closed, Duration FirstResponse, Duration Resolution, int SlaKept, int SlaBreached, int Locked)
{
    public double? SlaKeptRate => Percent.Of(SlaKept, SlaKept + SlaBreached);
}

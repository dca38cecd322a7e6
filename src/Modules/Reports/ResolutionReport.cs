using System.Globalization;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Response and resolution (响应与解决): how soon requests were first answered, assigned and solved, how often the first visit
/// fixed it, whether the SLA held, how many came back or were locked. A median cannot be summed, so the instants come back, one
/// narrow row per request, and are measured here. The period's requests are read once; what each needs from its events, first
/// visits and return visits is read in one grouped pass per table over the index (<see cref="RequestEventReportIndexes"/>),
/// seeking each request of the period once, and joined here: a probe per fact and request was four times slower on a tenant of
/// 100,000 requests (docs/benchmarks.md).
/// </summary>
public sealed class ResolutionReport(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext, TimeProvider clock)
{
    public async Task<ResolutionResult> RunAsync(ReportFilter filter, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        IQueryable<ServiceRequest> Requests(IReportsDb db) => RequestScope.Of(db, filter, tenantContext.Tenant).Where(r => r.Status != RequestStatuses.Cancelled);

        // The four reads are independent, so each runs on its own connection at the same time (SQLite's driver works synchronously).
        async Task<T> ReadAsync<T>(Func<IReportsDb, Task<T>> read) => await Task.Run(async () =>
        {
            using var own = dbFactory.Create();
            return await read(own);
        }, cancellationToken);

        // What counts as a person reacting to a request: not the system's own timers, locks and visit reminders. The kinds are
        // written out rather than taken from an array so that they reach SQL as constants.
        var eventsRead = ReadAsync(db =>
        {
            var ids = Requests(db).Select(r => r.Id);
            return db.RequestEvents.Where(e => ids.Contains(e.ServiceRequestId)).GroupBy(e => e.ServiceRequestId)
                .Select(g => new
                {
                    Id = g.Key,
                    FirstResponse = g.Min(e => (e.Kind == RequestEventKind.StatusChanged || e.Kind == RequestEventKind.Assigned || e.Kind == RequestEventKind.Comment
                                                || e.Kind == RequestEventKind.Appointment) && e.ByUserId != null ? (DateTimeOffset?)e.At : null),
                    Assigned = g.Min(e => e.Kind == RequestEventKind.Assigned ? (DateTimeOffset?)e.At : null),
                    // Someone took it out of a done status.
                    Reopened = g.Count(e => e.Kind == RequestEventKind.StatusChanged && e.FromStatus == RequestStatuses.Closed),
                    Locks = g.Count(e => e.Kind == RequestEventKind.Locked),
                }).ToDictionaryAsync(e => e.Id, cancellationToken);
        });
        var firstVisitsRead = ReadAsync(db =>
        {
            var ids = Requests(db).Select(r => r.Id);
            return db.WorkReports.Where(w => ids.Contains(w.ServiceRequestId) && w.Visit == 1 && w.State != WorkReportState.Draft)
                .GroupBy(w => w.ServiceRequestId).Select(g => new { Id = g.Key, Visits = g.Count(), Solved = g.Count(w => w.Result == WorkResult.Solved) })
                .ToDictionaryAsync(w => w.Id, cancellationToken);
        });
        // The customer's return visit sent it back: few do, so all of them are read from their small index and the period's picked here.
        var sentBackRead = ReadAsync(db => db.ReturnVisits.Where(v => v.Satisfied == false).Select(v => v.ServiceRequestId).Distinct().ToListAsync(cancellationToken));
        var requestsRead = ReadAsync(db => Requests(db).Select(r => new { r.Id, r.ServiceTypeId, r.CreatedAt, r.ClosedAt, r.DueAt, r.IsLocked })
            .ToListAsync(cancellationToken));
        var events = await eventsRead;
        var firstVisits = await firstVisitsRead;
        var sentBack = (await sentBackRead).ToHashSet();

        var rows = (await requestsRead).Select(r =>
            {
                var facts = events.GetValueOrDefault(r.Id);
                var visits = firstVisits.GetValueOrDefault(r.Id);
                return new Measured
                {
                    TypeId = r.ServiceTypeId,
                    CreatedAt = r.CreatedAt,
                    ClosedAt = r.ClosedAt,
                    DueAt = r.DueAt,
                    IsLocked = r.IsLocked,
                    FirstResponse = facts?.FirstResponse,
                    Assigned = facts?.Assigned,
                    Reopened = sentBack.Contains(r.Id) || facts?.Reopened > 0,
                    EverLocked = r.IsLocked || facts?.Locks > 0,
                    FirstVisits = visits?.Visits ?? 0,
                    FixedFirstTime = visits?.Solved ?? 0,
                };
            }).ToList();

        var typeIds = rows.Select(r => r.TypeId).Distinct().ToList();
        var types = (await ReadAsync(db => db.ServiceTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToListAsync(cancellationToken))).ToDictionary(t => t.Id);
        bool Kept(Measured r) => r.DueAt != null && r.ClosedAt != null && r.ClosedAt <= r.DueAt;
        bool Breached(Measured r) => r.DueAt != null && ((r.ClosedAt != null && r.ClosedAt > r.DueAt) || (r.ClosedAt == null && r.DueAt < now));

        var byType = rows.GroupBy(r => r.TypeId)
            .OrderBy(g => types.GetValueOrDefault(g.Key)?.SortOrder).ThenBy(g => g.Key.ToString(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new ResolutionRow(types.GetValueOrDefault(g.Key)?.NameIn(culture) ?? "?", g.Count(), g.Count(r => r.ClosedAt != null),
                Duration.Of(g.Where(r => r.FirstResponse != null).Select(r => r.FirstResponse!.Value - r.CreatedAt)),
                Duration.Of(g.Where(r => r.ClosedAt != null).Select(r => r.ClosedAt!.Value - r.CreatedAt)),
                g.Count(Kept), g.Count(Breached), g.Count(r => r.IsLocked)))
            .ToList();

        var closed = rows.Count(r => r.ClosedAt != null);
        return new ResolutionResult(
            rows.Count, closed,
            Duration.Of(rows.Where(r => r.FirstResponse != null).Select(r => r.FirstResponse!.Value - r.CreatedAt)),
            Duration.Of(rows.Where(r => r.Assigned != null).Select(r => r.Assigned!.Value - r.CreatedAt)),
            Duration.Of(rows.Where(r => r.ClosedAt != null).Select(r => r.ClosedAt!.Value - r.CreatedAt)),
            rows.Sum(r => r.FirstVisits), rows.Sum(r => r.FixedFirstTime), rows.Count(Kept), rows.Count(Breached),
            rows.Count(r => r.Reopened), closed + rows.Count(r => r.Reopened && r.ClosedAt == null),
            rows.Count(r => r.IsLocked), rows.Count(r => r.EverLocked), byType);
    }

    // One request as the report measures it; a class rather than an anonymous type so the local functions can take it.
    private sealed class Measured
    {
        public Guid TypeId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public bool IsLocked { get; init; }
        public DateTimeOffset? FirstResponse { get; init; }
        public DateTimeOffset? Assigned { get; init; }
        public bool Reopened { get; init; }
        public bool EverLocked { get; init; }
        public int FirstVisits { get; init; }
        public int FixedFirstTime { get; init; }
    }
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

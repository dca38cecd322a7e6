using System.Globalization;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Complaints (投诉): how many came in and when, under which complaint category, how long handling took (until marked handled,
/// until closed) and how satisfied the customer was on the return visit after it. Requests are those of the complaint type or
/// running its workflow, taken in the period; cancelled ones are left out.
/// </summary>
public sealed class ComplaintsReport(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext)
{
    public const string TypeCode = "COMPLAINT";

    public async Task<ComplaintsResult> RunAsync(ReportFilter filter, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var tenant = tenantContext.Tenant;
        var requests = RequestScope.Of(db, filter, tenant)
            .Where(r => (r.ServiceType!.Code == TypeCode || r.WorkflowKey == TypeCode) && r.Status != RequestStatuses.Cancelled);
        var rows = await requests.Select(r => new { r.Id, r.CreatedAt, r.ClosedAt, r.CategoryId }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new ComplaintsResult(0, 0, PeriodCounts.Of(filter, []), Duration.Of([]), Duration.Of([]), 0, null, 0, null, []);
        }

        // Handled: the first time it entered the handled step; the database finds the first per request.
        var handled = await (from e in db.RequestEvents
                             join r in requests on e.ServiceRequestId equals r.Id
                             where e.Kind == RequestEventKind.StatusChanged && e.ToStatus == RequestStatuses.Processed
                             group e by e.ServiceRequestId into g
                             select new { Id = g.Key, At = g.Min(e => e.At) }).ToDictionaryAsync(e => e.Id, e => e.At, cancellationToken);
        var answers = await (from v in db.ReturnVisits
                             join r in requests on v.ServiceRequestId equals r.Id
                             where v.Status == ReturnVisitStatus.Done && v.Satisfaction != null
                             select new { v.ServiceRequestId, Satisfaction = v.Satisfaction!.Value, v.Satisfied }).ToListAsync(cancellationToken);

        var categoryIds = rows.Where(r => r.CategoryId != null).Select(r => r.CategoryId!.Value).Distinct().ToList();
        var names = (await db.DictionaryEntries.AsNoTracking().Where(e => categoryIds.Contains(e.Id)).ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id, e => e.NameIn(culture));

        TimeSpan? HandlingTime(Guid id, DateTimeOffset created) => handled.TryGetValue(id, out var at) ? at - created : null;
        var byCategory = rows.GroupBy(r => r.CategoryId).Select(g =>
        {
            var ids = g.Select(r => r.Id).ToHashSet();
            var mine = answers.Where(a => ids.Contains(a.ServiceRequestId)).ToList();
            return new ComplaintCategoryRow(
                g.Key?.ToString() ?? "", g.Key is { } id ? names.GetValueOrDefault(id) ?? "?" : "", g.Count(), Percent.Of(g.Count(), rows.Count),
                g.Count(r => r.ClosedAt != null),
                Duration.Of(g.Select(r => HandlingTime(r.Id, r.CreatedAt)).OfType<TimeSpan>()),
                mine.Count, mine.Count == 0 ? null : Math.Round(mine.Average(a => a.Satisfaction), 2));
        }).OrderByDescending(c => c.Requests).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

        var rated = answers.Where(a => a.Satisfied != null).ToList();
        return new ComplaintsResult(
            rows.Count, rows.Count(r => r.ClosedAt != null),
            PeriodCounts.Of(filter, tenant, rows.Select(r => r.CreatedAt)),
            Duration.Of(rows.Select(r => HandlingTime(r.Id, r.CreatedAt)).OfType<TimeSpan>()),
            Duration.Of(rows.Where(r => r.ClosedAt != null).Select(r => r.ClosedAt!.Value - r.CreatedAt)),
            answers.Count, answers.Count == 0 ? null : Math.Round(answers.Average(a => a.Satisfaction), 2),
            rated.Count(a => a.Satisfied == true), Percent.Of(rated.Count(a => a.Satisfied == true), rated.Count),
            byCategory);
    }
}

/// <param name="Handling">From coming in until first marked handled.</param>
/// <param name="ToClose">From coming in until closed, for the closed ones.</param>
/// <param name="Answers">Return visits answered with a satisfaction score (1–5).</param>
/// <param name="Satisfied">Return visits that found the customer satisfied; <paramref name="SatisfiedRate"/> of those that said either way.</param>
public sealed record ComplaintsResult(
    int Total, int Closed, IReadOnlyList<PeriodCount> Periods, Duration Handling, Duration ToClose, int Answers, double? Csat, int Satisfied, double? SatisfiedRate,
    IReadOnlyList<ComplaintCategoryRow> Categories);

/// <param name="Key">The category's id; empty for complaints without one.</param>
public sealed record ComplaintCategoryRow(string Key, string Name, int Requests, double? Share, int Closed, Duration Handling, int Answers, double? Csat);

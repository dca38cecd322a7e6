using AfterSales.Modules.Shared;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Charges (费用): labor, travel, other fees and charged parts of the submitted work reports by visit date, split into what the
/// manager verified (核销, owed) and what still waits. Summed by the database per day and state; days are then put in buckets.
/// </summary>
public sealed class ChargesReport(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext)
{
    public async Task<ChargesResult> RunAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var reports = db.WorkReports.Where(w => w.State != WorkReportState.Draft && w.VisitedOn >= filter.From && w.VisitedOn <= filter.To);
        if (RequestScope.NarrowsRequests(filter))
        {
            var requests = RequestScope.Of(db, filter, tenantContext.Tenant, byPeriod: false, byEngineer: false);
            reports = from w in reports join r in requests on w.ServiceRequestId equals r.Id select w;
        }
        if (filter.EngineerId is { } engineer)
        {
            reports = reports.Where(w => w.EngineerId == engineer);
        }

        // Decimals are text on SQLite: sums are taken as doubles (exact for amounts in cents well past any tenant's turnover)
        // and rounded back to cents.
        var fees = await reports.GroupBy(w => new { w.VisitedOn, Verified = w.State == WorkReportState.Verified }).Select(g => new
        {
            g.Key.VisitedOn, g.Key.Verified, Reports = g.Count(),
            Labor = g.Sum(w => (double)w.LaborFee), Travel = g.Sum(w => (double)w.TravelFee), Other = g.Sum(w => (double)w.OtherFee),
        }).ToListAsync(cancellationToken);
        var parts = await (from p in db.WorkReportParts
                           join w in reports on p.WorkReportId equals w.Id
                           where p.Charged
                           group p by new { w.VisitedOn, Verified = w.State == WorkReportState.Verified } into g
                           select new { g.Key.VisitedOn, g.Key.Verified, Amount = g.Sum(p => (double)p.Quantity * (double)p.UnitPrice) })
            .ToListAsync(cancellationToken);

        ChargesLine Line(DateOnly start, bool verified)
        {
            bool In(DateOnly day, bool isVerified) => isVerified == verified && ReportFilter.BucketStart(day, filter.Bucket) == start;
            var mine = fees.Where(f => In(f.VisitedOn, f.Verified)).ToList();
            return new ChargesLine(mine.Sum(f => f.Reports), Money(mine.Sum(f => f.Labor)), Money(mine.Sum(f => f.Travel)), Money(mine.Sum(f => f.Other)),
                Money(parts.Where(p => In(p.VisitedOn, p.Verified)).Sum(p => p.Amount)));
        }

        var periods = filter.Buckets().Select(start => new ChargesPeriod(start, filter.BucketLabel(start), Line(start, true), Line(start, false))).ToList();
        return new ChargesResult(periods, Sum(periods.Select(p => p.Verified)), Sum(periods.Select(p => p.Pending)));
    }

    private static decimal Money(double amount) => Math.Round((decimal)amount, 2);

    private static ChargesLine Sum(IEnumerable<ChargesLine> lines) => lines.Aggregate(new ChargesLine(0, 0, 0, 0, 0), (a, b) =>
        new ChargesLine(a.Reports + b.Reports, a.Labor + b.Labor, a.Travel + b.Travel, a.Other + b.Other, a.Parts + b.Parts));
}

public sealed record ChargesResult(IReadOnlyList<ChargesPeriod> Periods, ChargesLine Verified, ChargesLine Pending);

public sealed record ChargesPeriod(DateOnly Start, string Label, ChargesLine Verified, ChargesLine Pending);

/// <summary>Money of a set of reports; <see cref="Parts"/> is the charged parts only (parts under warranty cost the customer nothing).</summary>
public sealed record ChargesLine(int Reports, decimal Labor, decimal Travel, decimal Other, decimal Parts)
{
    public decimal Total => Labor + Travel + Other + Parts;
}

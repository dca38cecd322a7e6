using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>The requests a report's conditions select; every report starts from here, so the filters mean the same everywhere.</summary>
internal static class RequestScope
{
    /// <param name="byPeriod">Whether the period selects requests by when they came in; reports of work done (charges, engineers) date the work instead.</param>
    /// <param name="byEngineer">Whether the engineer selects requests by their assignee; reports of work done select the work's engineer instead.</param>
    public static IQueryable<ServiceRequest> Of(IReportsDb db, ReportFilter filter, TenantInfo? tenant, bool byPeriod = true, bool byEngineer = true)
    {
        var requests = db.ServiceRequests.AsNoTracking();
        if (byPeriod)
        {
            var (from, until) = filter.Instants(tenant);
            requests = requests.Where(r => r.CreatedAt >= from && r.CreatedAt < until);
        }

        if (filter.TypeId is { } type)
        {
            requests = requests.Where(r => r.ServiceTypeId == type);
        }

        if (filter.ModelCode is { } model)
        {
            requests = requests.Where(r => r.ModelCode == model);
        }

        if (filter.Region is { } region)
        {
            requests = requests.Where(r => db.Customers.Any(c => c.Id == r.CustomerId && c.Region == region));
        }

        if (byEngineer && filter.EngineerId is { } engineer)
        {
            requests = requests.Where(r => r.AssigneeId == engineer);
        }

        return requests;
    }

    /// <summary>
    /// Whether the conditions select some of the tenant's requests rather than all, leaving period and engineer aside: work of a
    /// period (reports, visits) needs joining to its requests only then, since every piece of work belongs to a request of its tenant.
    /// </summary>
    public static bool NarrowsRequests(ReportFilter filter) => filter.TypeId is not null || filter.ModelCode is not null || filter.Region is not null;

    /// <summary>
    /// A request's number carries the tenant's calendar day it came in on (SR-yyyyMMdd-nnnn), so a database can group by that
    /// day with a plain substring, which it cannot do with SQLite's binary instants.
    /// </summary>
    public static DateOnly DayOfNumber(string day) =>
        DateOnly.ParseExact(day, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public const int NumberDayStart = 3;
    public const int NumberDayLength = 8;
}

using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// How the tenant's maintenance plans are kept: which planned visits came due and which of them were done.
/// <para>
/// A visit is <em>due</em> when a maintenance plan's reminder for it was sent (or its planned request opened) and the visit's day
/// lies in the period; a plan with several offsets counts each (rule, unit, visit day) once. It is <em>done</em> when the planned
/// request opened for it is closed, or when any on-site request for the same unit, taken within <see cref="DoneWindowDays"/> days
/// either side of the visit's day, is closed (the customer called in and the engineer did the maintenance on that visit).
/// Cancelled requests do not count.
/// </para>
/// </summary>
public sealed class MaintenancePlans(IDbFactory<IRemindersDb> dbFactory, AfterSales.Tenancy.ITenantContext tenantContext)
{
    public const int DoneWindowDays = 30;

    public async Task<MaintenanceTally> DoneVersusDueAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        // Reminder days lie up to a year before their visit: the rows are narrowed by reminder day first, by visit day in memory.
        var rows = await (from r in db.DueReminders.AsNoTracking()
                          join rule in db.ReminderRules.AsNoTracking() on r.RuleId equals rule.Id
                          where rule.Kind == ReminderKind.MaintenancePlan && r.State == DueReminderState.Sent && r.SerialNumberId != null
                                && r.DueDate >= @from.AddDays(-ReminderSchedule.MaxOffset) && r.DueDate <= to
                          select new { r.RuleId, UnitId = r.SerialNumberId!.Value, r.DueDate, r.OffsetDays, r.CreatedRequestId }).ToListAsync(cancellationToken);
        var visits = rows.Select(r => new { r.RuleId, r.UnitId, Day = r.DueDate.AddDays(r.OffsetDays), r.CreatedRequestId })
            .Where(v => v.Day >= from && v.Day <= to)
            .GroupBy(v => (v.RuleId, v.UnitId, v.Day))
            .Select(g => new PlannedVisit(g.Key.RuleId, g.Key.UnitId, g.Key.Day, g.Select(v => v.CreatedRequestId).FirstOrDefault(id => id != null), false))
            .ToList();
        if (visits.Count == 0)
        {
            return new MaintenanceTally(0, 0, []);
        }

        var zone = Scheduling.VisitWindow.ZoneOf(tenantContext.Tenant);
        var unitIds = visits.Select(v => v.UnitId).Distinct().ToList();
        var earliest = ReminderSchedule.DueAt(from.AddDays(-DoneWindowDays), zone, null);
        var latest = ReminderSchedule.DueAt(to.AddDays(DoneWindowDays + 1), zone, null);
        var requests = await db.ServiceRequests.AsNoTracking()
            .Where(q => q.SerialNumberId != null && unitIds.Contains(q.SerialNumberId.Value) && q.Status == RequestStatuses.Closed)
            .Select(q => new { q.Id, UnitId = q.SerialNumberId!.Value, q.WorkflowKey, q.CreatedAt }).ToListAsync(cancellationToken);
        var closed = requests.Select(q => q.Id).ToHashSet();
        var onSite = requests.Where(q => q.WorkflowKey == ServiceType.DefaultWorkflowKey && q.CreatedAt.ToUniversalTime() >= earliest && q.CreatedAt.ToUniversalTime() < latest)
            .Select(q => (q.UnitId, Day: ReminderSchedule.Today(q.CreatedAt, zone))).ToList();
        var tallied = visits.Select(v => v with
        {
            Done = (v.RequestId is { } own && closed.Contains(own))
                   || onSite.Any(q => q.UnitId == v.UnitId && Math.Abs(q.Day.DayNumber - v.Day.DayNumber) <= DoneWindowDays),
        }).OrderBy(v => v.Day).ToList();
        return new MaintenanceTally(tallied.Count, tallied.Count(v => v.Done), tallied);
    }
}

public sealed record MaintenanceTally(int Due, int Done, IReadOnlyList<PlannedVisit> Visits);

/// <summary>One planned visit of a maintenance plan; <paramref name="RequestId"/> is the planned request it opened, if it did.</summary>
public sealed record PlannedVisit(Guid RuleId, Guid UnitId, DateOnly Day, Guid? RequestId, bool Done);

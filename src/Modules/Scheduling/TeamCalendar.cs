using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Scheduling;

/// <summary>The week's visits of the team or of one engineer, with each engineer's days off from their profile.</summary>
public sealed class TeamCalendar(IDbFactory<ISchedulingDb> dbFactory, IAssigneeDirectory staff, ITenantContext tenantContext, TimeProvider clock)
{
    /// <summary>Any staff member of the tenant reads the calendar; engineers open it on their own row.</summary>
    public static bool Reads(RequestActor actor) => actor.Roles.Overlaps(Roles.TenantRoles);

    public DateOnly Today => tenantContext.Tenant.TodayFor(clock.GetUtcNow());

    /// <summary>The week holding <paramref name="day"/>; <paramref name="engineerId"/> shows one engineer, null the team. Null when the user may not read it.</summary>
    public async Task<CalendarView?> WeekAsync(DateOnly day, string? engineerId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!Reads(actor))
        {
            return null;
        }

        var week = CalendarWeek.Of(day);
        var zone = VisitWindow.ZoneOf(tenantContext.Tenant);
        var engineers = await staff.EngineersAsync(cancellationToken);
        using var db = dbFactory.Create();
        var profiles = await db.EngineerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.WorkingDays, StringComparer.Ordinal, cancellationToken);
        var team = engineers.Select(e => new CalendarEngineer(e.UserId, e.Name, profiles.GetValueOrDefault(e.UserId))).ToList();

        var visits = await (from a in db.Appointments.AsNoTracking()
                            join r in db.ServiceRequests on a.ServiceRequestId equals r.Id
                            where a.Day >= week.Monday && a.Day <= week.Sunday && a.Status != AppointmentStatus.Cancelled
                                  && (engineerId == null || a.EngineerId == engineerId)
                            select new { Appointment = a, r.Number, r.Subject, r.CustomerId }).ToListAsync(cancellationToken);
        var customerIds = visits.Where(v => v.CustomerId is not null).Select(v => v.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.Name, Address = c.Address ?? c.Region }, cancellationToken);
        var entries = visits.Select(v =>
        {
            var a = v.Appointment;
            var customer = v.CustomerId is { } id ? customers.GetValueOrDefault(id) : null;
            return new CalendarEntry(a.Id, a.ServiceRequestId, v.Number, v.Subject, customer?.Name, customer?.Address, a.EngineerId, a.EngineerName, a.Day,
                VisitWindow.LocalTime(a.StartsAt, zone), VisitWindow.LocalTime(a.EndsAt, zone), a.Status, a.NextStep);
        }).ToList();

        var shown = engineerId is null ? team : team.Where(e => e.UserId == engineerId).ToList();
        return new CalendarView(week, Today, team, engineerId, week.Rows(shown, entries), entries);
    }
}

using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Scheduling;

/// <summary>
/// The visits agreed with customers: scheduling one for a request's engineer, moving it (the old one is kept, cancelled with the
/// reason) and calling it off. The service desk agrees visits; every change is a line on the request's timeline.
/// </summary>
public sealed class AppointmentBook(IDbFactory<ISchedulingDb> dbFactory, ITenantContext tenantContext, TimeProvider clock)
{
    /// <summary>Whether <paramref name="actor"/> agrees visits with customers: the service desk (admins, managers, dispatchers, agents).</summary>
    public static bool Plans(RequestActor actor) => actor.IsServiceDesk;

    public DateOnly Today => tenantContext.Tenant.TodayFor(clock.GetUtcNow());

    private TimeZoneInfo Zone => VisitWindow.ZoneOf(tenantContext.Tenant);

    /// <summary>Every visit of the request, the latest agreed first.</summary>
    public async Task<IReadOnlyList<AppointmentView>> ForRequestAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.ServiceRequestId == requestId).ToListAsync(cancellationToken);
        return [.. appointments.OrderByDescending(a => a.AgreedAt).Select(a => AppointmentView.Of(a, Zone))];
    }

    /// <summary>One visit; null for an unknown id or another tenant's.</summary>
    public async Task<AppointmentView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return appointment is null ? null : AppointmentView.Of(appointment, Zone);
    }

    /// <summary>What the dialog warns about while the dispatcher picks a day and window; nothing until the input is valid.</summary>
    public async Task<IReadOnlyList<ScheduleWarning>> WarningsAsync(Guid requestId, AppointmentInput input, Guid? moving, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var request = await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || AppointmentRules.Check(input, request.AssigneeId, Today, moving is not null).Count > 0)
        {
            return [];
        }

        return await WarningsAsync(db, request.AssigneeId!, input, moving, cancellationToken);
    }

    /// <summary>Agrees a first visit for the request with its assignee.</summary>
    public Task<ScheduleResult> ScheduleAsync(Guid requestId, AppointmentInput input, RequestActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(requestId, null, input, actor, cancellationToken);

    /// <summary>Moves the planned visit <paramref name="appointmentId"/>, as the user loaded it (<paramref name="loadedStamp"/>), to a new day or window.</summary>
    public Task<ScheduleResult> RescheduleAsync(Guid appointmentId, AppointmentInput input, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(null, (appointmentId, loadedStamp), input, actor, cancellationToken);

    /// <summary>Calls off a planned visit with a reason; the request keeps its engineer and waits for a new visit.</summary>
    public async Task<ActionResult> CancelAsync(Guid appointmentId, string? reason, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!Plans(actor))
        {
            return new ActionResult(ActionStatus.NotAllowed);
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > Appointment.ReasonLength)
        {
            return new ActionResult(ActionStatus.Invalid, "Validation.Reason");
        }

        using var db = dbFactory.Create();
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return new ActionResult(ActionStatus.NotFound);
        }

        var now = clock.GetUtcNow();
        if (appointment.ConcurrencyStamp != loadedStamp || !appointment.Cancel(reason, actor.Name, now))
        {
            return new ActionResult(ActionStatus.Conflict);
        }

        var shown = AppointmentView.Of(appointment, Zone);
        db.RequestEvents.Add(VisitTimeline.Line(actor, appointment.ServiceRequestId, now, VisitTimeline.Cancelled, $"{shown.WindowText} · {appointment.EngineerName}\n{reason}"));
        return await TrySaveAsync(db, cancellationToken) ? new ActionResult(ActionStatus.Done) : new ActionResult(ActionStatus.Conflict);
    }

    private async Task<ScheduleResult> SaveAsync(Guid? requestId, (Guid Id, string Stamp)? moving, AppointmentInput input, RequestActor actor, CancellationToken cancellationToken)
    {
        if (!Plans(actor))
        {
            return new ScheduleResult(ActionStatus.NotAllowed);
        }

        using var db = dbFactory.Create();
        Appointment? replaced = null;
        if (moving is { } move)
        {
            replaced = await db.Appointments.FirstOrDefaultAsync(a => a.Id == move.Id, cancellationToken);
            if (replaced is null)
            {
                return new ScheduleResult(ActionStatus.NotFound);
            }

            if (replaced.ConcurrencyStamp != move.Stamp || replaced.Status != AppointmentStatus.Planned)
            {
                return new ScheduleResult(ActionStatus.Conflict);
            }

            requestId = replaced.ServiceRequestId;
        }

        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return new ScheduleResult(ActionStatus.NotFound);
        }

        if (request.StatusCategory == StatusCategory.Done)
        {
            return new ScheduleResult(ActionStatus.NotAllowed, ErrorKey: "Appointment.RequestClosed");
        }

        var errors = AppointmentRules.Check(input, request.AssigneeId, Today, replaced is not null);
        if (errors.Count > 0)
        {
            return new ScheduleResult(ActionStatus.Invalid, errors);
        }

        if (replaced is null && await db.Appointments.AnyAsync(a => a.PlannedRequestId == request.Id, cancellationToken))
        {
            return new ScheduleResult(ActionStatus.Conflict, ErrorKey: "Appointment.AlreadyPlanned");
        }

        var warnings = await WarningsAsync(db, request.AssigneeId!, input, replaced?.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var window = VisitWindow.InZone(input.Day!.Value, input.From!.Value, input.To!.Value, Zone);
        var appointment = new Appointment
        {
            ServiceRequestId = request.Id, PlannedRequestId = request.Id, EngineerId = request.AssigneeId!, EngineerName = request.AssigneeName ?? request.AssigneeId!,
            Day = input.Day.Value, StartsAt = window.Start, EndsAt = window.End, Note = Blank(input.Note), AgreedById = actor.UserId, AgreedBy = actor.Name, AgreedAt = now,
        };
        db.Appointments.Add(appointment);
        var details = $"{AppointmentView.Of(appointment, Zone).WindowText} · {appointment.EngineerName}";
        if (replaced is not null)
        {
            var reason = input.Reason!.Trim();
            replaced.Cancel(reason, actor.Name, now);
            details += $"\n{reason}";
        }

        db.RequestEvents.Add(VisitTimeline.Line(actor, request.Id, now, replaced is null ? VisitTimeline.Scheduled : VisitTimeline.Rescheduled, details));
        return await TrySaveAsync(db, cancellationToken)
            ? new ScheduleResult(ActionStatus.Done, Warnings: warnings, AppointmentId: appointment.Id)
            : new ScheduleResult(ActionStatus.Conflict);
    }

    // The engineer's other visits that day, planned or done, against their profile.
    private async Task<IReadOnlyList<ScheduleWarning>> WarningsAsync(ISchedulingDb db, string engineerId, AppointmentInput input, Guid? moving, CancellationToken cancellationToken)
    {
        var day = input.Day!.Value;
        var window = VisitWindow.InZone(day, input.From!.Value, input.To!.Value, Zone);
        var profile = await db.EngineerProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == engineerId, cancellationToken);
        var others = await (from a in db.Appointments.AsNoTracking()
                            join r in db.ServiceRequests on a.ServiceRequestId equals r.Id
                            where a.EngineerId == engineerId && a.Day == day && a.Status != AppointmentStatus.Cancelled && a.Id != moving
                            select new { r.Number, a.StartsAt, a.EndsAt }).ToListAsync(cancellationToken);
        var booked = others.Select(o => new BookedVisit(o.Number, new VisitWindow(o.StartsAt, o.EndsAt), VisitWindow.LocalTime(o.StartsAt, Zone), VisitWindow.LocalTime(o.EndsAt, Zone)))
            .ToList();
        return AppointmentWarnings.For(day, window, profile, booked);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // A visit changed meanwhile (its stamp), or a second planned visit for the request (the unique index): nothing is kept.
    private static async Task<bool> TrySaveAsync(ISchedulingDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}

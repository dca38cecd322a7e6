using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Scheduling;

/// <summary>
/// Calls off a request's planned visit when the request is closed or cancelled, or goes to another engineer (or back to the
/// queue): otherwise the old engineer's day would still show a visit nobody expects and the request could not get a new one.
/// The visit is kept, cancelled with the reason, and the timeline says so, as when the desk calls a visit off by hand.
/// </summary>
public sealed class PlannedVisitKeeper(ITenantContext tenantContext, IStringLocalizer<ScheduleText> text) : IRequestStepObserver
{
    public async Task ObserveAsync(RequestStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Database<ISchedulingDb>();
        var planned = await db.Appointments.Where(a => a.PlannedRequestId == context.Request.Id).ToListAsync(cancellationToken);
        foreach (var visit in planned)
        {
            string reason;
            if (context.Ended)
            {
                reason = text["Appointment.CalledOffClosed"];
            }
            else if (visit.EngineerId != context.Request.AssigneeId)
            {
                reason = context.Request.AssigneeName is { } name ? text["Appointment.CalledOffReassigned", name] : text["Appointment.CalledOffUnassigned"];
            }
            else
            {
                continue;
            }

            if (visit.Cancel(reason, context.Actor.Name, context.Now))
            {
                var shown = AppointmentView.Of(visit, VisitWindow.ZoneOf(tenantContext.Tenant));
                db.RequestEvents.Add(VisitTimeline.Line(context.Actor, visit.ServiceRequestId, context.Now, VisitTimeline.Cancelled,
                    $"{shown.WindowText} · {visit.EngineerName}\n{reason}"));
            }
        }
    }
}

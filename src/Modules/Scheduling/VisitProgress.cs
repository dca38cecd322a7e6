using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Scheduling;

/// <summary>
/// The engineer's steps on a visit, in order: accept, set off, arrive, finish. Finishing ends the visit but moves no workflow
/// status: the engineer goes on to the request's work report, whose transition says whether the fault was solved.
/// </summary>
public sealed class VisitProgress(IDbFactory<ISchedulingDb> dbFactory, TimeProvider clock)
{
    /// <summary>The visit's engineer, or a dispatcher or manager on their behalf (an engineer without signal calls the office).</summary>
    public static bool MayStep(string engineerId, RequestActor actor) =>
        (actor.UserId is not null && actor.UserId == engineerId) || DispatchBoard.Dispatches(actor);

    /// <summary>Takes <paramref name="step"/> on the visit as the user loaded it (<paramref name="loadedStamp"/>).</summary>
    public async Task<StepResult> TakeAsync(Guid appointmentId, VisitStep step, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        var number = appointment is null ? null
            : await db.ServiceRequests.Where(r => r.Id == appointment.ServiceRequestId).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        if (appointment is null || number is null)
        {
            return new StepResult(ActionStatus.NotFound);
        }

        if (!MayStep(appointment.EngineerId, actor))
        {
            return new StepResult(ActionStatus.NotAllowed, number, "Step.NotYours");
        }

        if (appointment.ConcurrencyStamp != loadedStamp)
        {
            return new StepResult(ActionStatus.Conflict, number);
        }

        var now = clock.GetUtcNow();
        if (!appointment.Take(step, now))
        {
            return new StepResult(ActionStatus.NotAllowed, number, appointment.Status == AppointmentStatus.Planned ? "Step.OutOfOrder" : "Step.VisitOver");
        }

        db.RequestEvents.Add(VisitTimeline.Step(actor, appointment.ServiceRequestId, now, step));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new StepResult(ActionStatus.Done, number);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StepResult(ActionStatus.Conflict, number);
        }
    }
}

using AfterSales.Modules.Service;
using AfterSales.Workflows.Actions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Visits;

/// <summary>
/// The workflow's "create return visit" (on "start return visit" and the timer three days after processing): a pending visit for
/// the service desk to make, in the transition's unit of work. A request has one pending visit at a time, so the action running
/// twice (the timer and the button, or a definition naming it on two steps) leaves the first one as it is.
/// </summary>
public sealed class ReturnVisitCreation : IRequestActionHandler
{
    /// <summary>When a visit is due unless the workflow's action says otherwise: the service desk calls within a day.</summary>
    public static readonly TimeSpan DefaultDueIn = TimeSpan.FromDays(1);

    public bool CanHandle(WorkflowAction action) => action is CreateReturnVisitAction;

    public async Task HandleAsync(RequestActionContext context, CancellationToken cancellationToken)
    {
        var db = context.Database<IVisitsDb>();
        var requestId = context.Request.Id;
        context.Db.RequestEvents.Add(RequestEvent.Of(context.Actor, requestId, context.Now, RequestEventKind.ReturnVisitDue, context.ElementKey));
        if (db.ReturnVisits.Local.Any(v => v.ServiceRequestId == requestId && v.Status == ReturnVisitStatus.Pending)
            || await db.ReturnVisits.AnyAsync(v => v.ServiceRequestId == requestId && v.Status == ReturnVisitStatus.Pending, cancellationToken))
        {
            return;
        }

        var earlier = await db.ReturnVisits.CountAsync(v => v.ServiceRequestId == requestId, cancellationToken);
        var dueIn = ((CreateReturnVisitAction)context.Action).DueIn ?? DefaultDueIn;
        db.ReturnVisits.Add(new ReturnVisit
        {
            ServiceRequestId = requestId,
            Attempt = earlier + 1,
            CreatedAt = context.Now.ToUniversalTime(),
            // UTC: the SQLite column orders instants by their clock reading, which only compares across one offset.
            DueAt = (context.Now + dueIn).ToUniversalTime(),
            Status = ReturnVisitStatus.Pending,
        });
    }
}

using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// An engineer gives an assigned request back with a reason. The default workflows have no transition for this ("not solved"
/// counts a failed visit), so the request keeps its status, loses its assignee and waits in the dispatcher's queue again; the
/// dispatcher assigns it by the workflow's assign transition, which the default workflows open from "assigned" too.
/// </summary>
public sealed class RequestDeclines(IDbFactory<IDispatchDb> dbFactory, RequestWorkflow workflow, TimeProvider clock)
{
    public const int ReasonLength = 500;

    /// <summary>Whether <paramref name="actor"/> may give <paramref name="request"/> back: it is theirs and not done.</summary>
    public static bool CanDecline(RequestDetail request, RequestActor actor) =>
        actor.UserId is not null && request.AssigneeId == actor.UserId && request.ClosedAt is null;

    /// <summary>Gives the request back, if it is still as the engineer loaded it (<paramref name="loadedStamp"/>).</summary>
    public async Task<ActionResult> DeclineAsync(Guid requestId, string? reason, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReasonLength)
        {
            return new ActionResult(ActionStatus.Invalid, "Decline.Validation.Reason");
        }

        // Only while the engineer still has a step to take: once they have processed it, giving it back would undo their work.
        if (await workflow.StateAsync(requestId, actor, cancellationToken) is { Transitions.Count: 0 })
        {
            return new ActionResult(ActionStatus.NotAllowed);
        }

        using var db = dbFactory.Create();
        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return new ActionResult(ActionStatus.NotFound);
        }

        if (request.ConcurrencyStamp != loadedStamp)
        {
            return new ActionResult(ActionStatus.Conflict);
        }

        if (actor.UserId is null || request.AssigneeId != actor.UserId || request.StatusCategory == StatusCategory.Done)
        {
            return new ActionResult(ActionStatus.NotAllowed);
        }

        var now = clock.GetUtcNow();
        request.AssigneeId = null;
        request.AssigneeName = null;
        request.UpdatedAt = now;
        request.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        db.RequestEvents.Add(RequestEvent.Of(actor, request.Id, now, RequestEventKind.Declined, reason));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ActionResult(ActionStatus.Done);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ActionResult(ActionStatus.Conflict);
        }
    }
}

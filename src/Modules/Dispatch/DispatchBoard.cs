using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// The dispatcher's work: the queue of unassigned requests, and assigning one, by hand or by the rules, through the workflow's
/// assign transition as the request page does, so the workflow's actions (notify the engineer, stop the assignment clock) run.
/// </summary>
public sealed class DispatchBoard(IDbFactory<IDispatchDb> dbFactory, RequestDesk desk, RequestWorkflow workflow, AssignmentDecider decider)
{
    public const int QueuePage = 30;

    /// <summary>How often "by rules" decides again when another assignment took the same round-robin turn meanwhile.</summary>
    private const int TurnAttempts = 3;

    private static readonly string[] DispatchRoles = [Roles.TenantAdmin, Roles.Manager, Roles.Dispatcher];

    /// <summary>Whether <paramref name="actor"/> dispatches (the board, "assign by rules").</summary>
    public static bool Dispatches(RequestActor actor) => actor.Roles.Overlaps(DispatchRoles);

    /// <summary>Open requests without an assignee and not locked for the manager, as the request list's "unassigned" view has them.</summary>
    public Task<RequestPage> QueueAsync(string? search, RequestSort sort, bool descending, int take, CancellationToken cancellationToken = default) =>
        desk.SearchAsync(new RequestQuery(RequestView.Unassigned, Search: search, Sort: sort, Descending: descending, Take: Math.Clamp(take, 1, RequestDesk.MaxPageSize)),
            cancellationToken);

    /// <summary>
    /// Assigns the request to <paramref name="engineerId"/> by the workflow's transition that asks for an assignee. When that
    /// transition asks for more, nothing is done and <see cref="BoardAssignment.FormNeeded"/> names it for the page to open.
    /// </summary>
    public async Task<BoardAssignment> AssignAsync(RequestRef request, string engineerId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (await AssignTransitionAsync(request.Id, actor, cancellationToken) is not { } transition)
        {
            return new BoardAssignment(ActionStatus.NotAllowed);
        }

        if (transition.RequiredFields.Count > 1)
        {
            return new BoardAssignment(ActionStatus.Invalid, FormNeeded: transition);
        }

        var values = new Dictionary<string, string?> { [TransitionForm.AssigneeField] = engineerId };
        var outcome = await workflow.FireAsync(request.Number, transition.Key, values, null, request.ConcurrencyStamp, actor, cancellationToken);
        return new BoardAssignment(outcome.Status);
    }

    /// <summary>
    /// Assigns the request to the engineer the rules choose. A round-robin turn is taken and stored before the assignment is
    /// made, so two dispatchers at once cannot give out the same turn; an assignment refused afterwards costs that engineer the turn.
    /// </summary>
    public async Task<BoardAssignment> AssignByRulesAsync(RequestRef target, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!Dispatches(actor) || await AssignTransitionAsync(target.Id, actor, cancellationToken) is null)
        {
            return new BoardAssignment(ActionStatus.NotAllowed);
        }

        for (var attempt = 1; ; attempt++)
        {
            using var db = dbFactory.Create();
            var request = await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == target.Id, cancellationToken);
            if (request is null || request.ConcurrencyStamp != target.ConcurrencyStamp)
            {
                return new BoardAssignment(request is null ? ActionStatus.NotFound : ActionStatus.Conflict);
            }

            var (decision, cursors) = await decider.DecideForAsync(db, request, null, cancellationToken);
            if (decision is not { Rule: { } rule, Engineer: { } engineer })
            {
                return new BoardAssignment(ActionStatus.NotAllowed, NoRule: true);
            }

            AssignmentDecider.TakeTurn(db, cursors, rule, engineer.UserId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                if (attempt == TurnAttempts)
                {
                    return new BoardAssignment(ActionStatus.Conflict);
                }

                continue;
            }

            return await AssignAsync(target, engineer.UserId, actor, cancellationToken) with { Engineer = engineer };
        }
    }

    // The transition open to the user now that asks for an assignee: the plainest one when there are several.
    private async Task<AvailableTransition?> AssignTransitionAsync(Guid requestId, RequestActor actor, CancellationToken cancellationToken) =>
        (await workflow.StateAsync(requestId, actor, cancellationToken))?.Transitions
            .Where(t => t.RequiredFields.Contains(TransitionForm.AssigneeField)).OrderBy(t => t.RequiredFields.Count).FirstOrDefault();
}

/// <summary>The request as the user saw it: its stamp makes an assignment fail when it changed since.</summary>
public sealed record RequestRef(Guid Id, string Number, string ConcurrencyStamp)
{
    public static RequestRef Of(RequestRow row) => new(row.Id, row.Number, row.ConcurrencyStamp);

    public static RequestRef Of(RequestDetail request) => new(request.Id, request.Number, request.ConcurrencyStamp);
}

/// <param name="Engineer">Whom the rules chose.</param>
/// <param name="FormNeeded">The assign transition asks for more than an assignee: the page opens its form.</param>
/// <param name="NoRule">No rule matched with an engineer available.</param>
public sealed record BoardAssignment(ActionStatus Status, StaffContact? Engineer = null, AvailableTransition? FormNeeded = null, bool NoRule = false);

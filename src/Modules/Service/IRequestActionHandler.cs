using AfterSales.Workflows.Actions;

namespace AfterSales.Modules.Service;

/// <summary>
/// Carries out a workflow action that another feature owns (notifications, webhooks, rule-based assignment). It runs inside
/// the transition's unit of work, after the request has taken its new status, so whatever it records (an outbox row, an
/// assignment) commits or rolls back with the transition and a refused transition sends nothing.
/// </summary>
public interface IRequestActionHandler
{
    /// <summary>Whether this handler carries out <paramref name="action"/>.</summary>
    bool CanHandle(WorkflowAction action);

    /// <summary>Records the action's effect in <see cref="RequestActionContext.Db"/>; must not save.</summary>
    Task HandleAsync(RequestActionContext context, CancellationToken cancellationToken);
}

/// <summary>One action of a transition, a status entry or a timer, with the request it acts on.</summary>
/// <param name="Db">The transition's unit of work; the application's context implements every feature's database interface.</param>
/// <param name="Request">The request, already in its new status.</param>
/// <param name="Action">The action to carry out.</param>
/// <param name="ElementKey">Status, transition or timer key the action belongs to.</param>
/// <param name="FormValues">The transition form's values (empty for timers and entry actions of a start).</param>
/// <param name="Actor">Who fired the transition, or the system for timers.</param>
/// <param name="Now">The transition's instant.</param>
/// <param name="StatusName">The name of the request's new status, in both languages.</param>
public sealed record RequestActionContext(
    IServiceDb Db, ServiceRequest Request, WorkflowAction Action, string ElementKey,
    IReadOnlyDictionary<string, object?> FormValues, RequestActor Actor, DateTimeOffset Now, AfterSales.Workflows.Definitions.LocalizedText StatusName)
{
    /// <summary>The unit of work as another feature's database interface.</summary>
    public TDb Database<TDb>() where TDb : class =>
        Db as TDb ?? throw new InvalidOperationException($"The unit of work does not implement {typeof(TDb).Name}.");

    /// <summary>Assigns the request to <paramref name="assignee"/> and puts it on the timeline.</summary>
    public void Assign(Assignee assignee)
    {
        Request.AssigneeId = assignee.UserId;
        Request.AssigneeName = assignee.Name;
        Db.RequestEvents.Add(RequestEvent.Of(Actor, Request.Id, Now, RequestEventKind.Assigned, assignee.Name));
    }

    /// <summary>Puts a line about the action on the request's timeline (staff only).</summary>
    public void Note(string text) =>
        Db.RequestEvents.Add(RequestEvent.Of(Actor, Request.Id, Now, RequestEventKind.Comment, text));
}

namespace AfterSales.Modules.Service;

/// <summary>What a user asks to do with a request; the flow decides whether it may be done and where it leads.</summary>
public enum RequestAction
{
    Assign,
    Hold,
    Resume,

    /// <summary>The engineer solved it.</summary>
    Process,

    /// <summary>The visit did not solve it (or the requested date was missed): back to assignment, locked after two.</summary>
    Fail,
    StartReturnVisit,

    /// <summary>The customer is satisfied.</summary>
    Close,

    /// <summary>The customer is not satisfied: back to assignment.</summary>
    Reopen,
    Unlock,
    Cancel,
}

/// <summary>Who acts: their id and name for the timeline, their roles for what they may do.</summary>
public sealed record RequestActor(string? UserId, string? Name, IReadOnlySet<string> Roles)
{
    public bool IsServiceDesk => Roles.Overlaps([Shared.Roles.TenantAdmin, Shared.Roles.Manager, Shared.Roles.Dispatcher, Shared.Roles.Agent]);
    public bool IsManager => Roles.Overlaps([Shared.Roles.TenantAdmin, Shared.Roles.Manager]);
}

/// <summary>
/// The status logic of service requests, behind one interface so the workflow engine can take it over without this
/// feature changing: which actions are open to whom, and the status each leads to.
/// </summary>
public interface IRequestFlow
{
    IReadOnlyList<RequestAction> ActionsFor(ServiceRequest request, RequestActor actor);

    /// <summary>The status <paramref name="action"/> leads to, or null when it is not open to <paramref name="actor"/> now.</summary>
    RequestStatus? Next(ServiceRequest request, RequestAction action, RequestActor actor);
}

/// <summary>The closed loop of seed 001, the flow every tenant starts with.</summary>
public sealed class DefaultRequestFlow : IRequestFlow
{
    /// <summary>Failed visits after which the request is locked and goes to the service manager.</summary>
    public const int AttemptsBeforeLock = 2;

    public IReadOnlyList<RequestAction> ActionsFor(ServiceRequest request, RequestActor actor) =>
        Enum.GetValues<RequestAction>().Where(a => Next(request, a, actor) is not null).ToList();

    public RequestStatus? Next(ServiceRequest request, RequestAction action, RequestActor actor)
    {
        var isAssignee = actor.UserId is not null && actor.UserId == request.AssigneeId;
        return (request.Status, action) switch
        {
            (RequestStatus.WaitingForAssignment or RequestStatus.Assigned, RequestAction.Assign) when actor.IsServiceDesk => RequestStatus.Assigned,
            (RequestStatus.Locked, RequestAction.Assign) when actor.IsManager => RequestStatus.Assigned,
            (RequestStatus.WaitingForAssignment or RequestStatus.Assigned, RequestAction.Hold) when actor.IsServiceDesk => RequestStatus.OnHold,
            (RequestStatus.OnHold, RequestAction.Resume) when actor.IsServiceDesk => RequestStatus.WaitingForAssignment,
            (RequestStatus.Assigned, RequestAction.Process) when isAssignee || actor.IsServiceDesk => RequestStatus.Processed,
            (RequestStatus.Assigned, RequestAction.Fail) when isAssignee || actor.IsServiceDesk =>
                request.FailedAttempts + 1 >= AttemptsBeforeLock ? RequestStatus.Locked : RequestStatus.WaitingForAssignment,
            (RequestStatus.Processed, RequestAction.StartReturnVisit) when actor.IsServiceDesk => RequestStatus.ReturnVisit,
            (RequestStatus.Processed or RequestStatus.ReturnVisit, RequestAction.Close) when actor.IsServiceDesk => RequestStatus.Closed,
            (RequestStatus.ReturnVisit, RequestAction.Reopen) when actor.IsServiceDesk => RequestStatus.WaitingForAssignment,
            (RequestStatus.Locked, RequestAction.Unlock) when actor.IsManager => RequestStatus.WaitingForAssignment,
            (RequestStatus.WaitingForAssignment or RequestStatus.OnHold or RequestStatus.Assigned or RequestStatus.Locked, RequestAction.Cancel)
                when actor.IsServiceDesk => RequestStatus.Cancelled,
            _ => null,
        };
    }
}

/// <summary>Builds the acting user from the signed-in principal.</summary>
public static class RequestActors
{
    public static RequestActor From(System.Security.Claims.ClaimsPrincipal user, Shared.ICurrentUser current) =>
        new(current.Id, current.Name, user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
}

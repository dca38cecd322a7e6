namespace AfterSales.Modules.Service;

/// <summary>
/// Keeps another feature's records in step with a request that a transition or a timer has just moved: a planned visit is
/// called off when the request is closed or goes to another engineer. Runs in the step's unit of work, after the request has
/// its new status and assignee and every action has run, so both commit together; must not save.
/// </summary>
public interface IRequestStepObserver
{
    Task ObserveAsync(RequestStepContext context, CancellationToken cancellationToken);
}

/// <summary>A request after a step, with what it was before the step.</summary>
public sealed record RequestStepContext(IServiceDb Db, ServiceRequest Request, string FromStatus, string? FromAssigneeId, RequestActor Actor, DateTimeOffset Now)
{
    /// <summary>The step ended the request (closed, cancelled: a status of the Done category).</summary>
    public bool Ended => Request.StatusCategory == AfterSales.Workflows.Definitions.StatusCategory.Done && Request.Status != FromStatus;

    /// <summary>The step took the request from its assignee, to another person or to nobody.</summary>
    public bool Reassigned => !string.Equals(Request.AssigneeId, FromAssigneeId, StringComparison.Ordinal);

    /// <summary>The unit of work as another feature's database interface.</summary>
    public TDb Database<TDb>() where TDb : class =>
        Db as TDb ?? throw new InvalidOperationException($"The unit of work does not implement {typeof(TDb).Name}.");
}

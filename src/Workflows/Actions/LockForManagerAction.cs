namespace AfterSales.Workflows.Actions;

/// <summary>Puts the request in the service manager's queue of locked requests.</summary>
public sealed record LockForManagerAction : WorkflowAction
{
    /// <summary>Why, as a code the host shows localised (e.g. <c>missedRequestedDate</c>, <c>attemptsExhausted</c>).</summary>
    public required string Reason { get; init; }
}

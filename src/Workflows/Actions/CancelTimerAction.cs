namespace AfterSales.Workflows.Actions;

/// <summary>Disarms a timer; applied by the engine, which returns the cancel command.</summary>
public sealed record CancelTimerAction : WorkflowAction
{
    /// <summary>Timer key.</summary>
    public required string Timer { get; init; }
}

namespace AfterSales.Workflows.Actions;

/// <summary>Arms a timer (a new generation if it is already running); applied by the engine, which returns the schedule command.</summary>
public sealed record StartTimerAction : WorkflowAction
{
    /// <summary>Timer key.</summary>
    public required string Timer { get; init; }
}

namespace AfterSales.Workflows.Timers;

/// <summary>What the host's scheduler must do.</summary>
public enum TimerCommandKind
{
    /// <summary>Schedule a job keyed by the timer id to fire at the due instant (idempotent on the id).</summary>
    Schedule,

    /// <summary>Remove the job keyed by the timer id, if any.</summary>
    Cancel,
}

namespace AfterSales.Workflows.Sla;

/// <summary>Whether an SLA clock counts.</summary>
public enum SlaClockState
{
    /// <summary>Counting business time.</summary>
    Running,

    /// <summary>Standing still while the request waits on someone outside the tenant.</summary>
    Paused,

    /// <summary>The promise is settled (met or missed); it no longer changes.</summary>
    Stopped,
}

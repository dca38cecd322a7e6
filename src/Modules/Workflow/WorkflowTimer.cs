using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Workflow;

/// <summary>
/// A timer an instance waits for, as a row: the database, not the scheduler's memory, is what survives a restart, and
/// every replica's poll finds it. The instance's own record of the armed generation decides whether it still counts
/// when it comes due, so a timer processed twice fires once.
/// </summary>
public class WorkflowTimer : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string TimerKey { get; set; } = "";
    public int Generation { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public WorkflowTimerState State { get; set; }

    /// <summary>Until when one replica's poll holds it; another replica's poll leaves it alone until then.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public Guid? ClaimToken { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

public enum WorkflowTimerState
{
    Pending = 0,

    /// <summary>Processed: it fired, or the instance no longer waited for it (stale).</summary>
    Done = 1,
    Cancelled = 2,

    /// <summary>Failed too often; left for an administrator to look at.</summary>
    Failed = 3,
}

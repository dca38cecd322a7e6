namespace AfterSales.Workflows.Runtime;

/// <summary>What a history entry records.</summary>
public enum HistoryKind
{
    /// <summary>The instance started.</summary>
    Started,

    /// <summary>A transition fired (by a user or the system).</summary>
    Transition,

    /// <summary>A timer fired (with or without a transition).</summary>
    TimerFired,

    /// <summary>The instance moved to another definition version.</summary>
    Migrated,

    /// <summary>SLA targets changed.</summary>
    SlaRetargeted,
}

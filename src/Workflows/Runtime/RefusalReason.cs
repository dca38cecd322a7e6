namespace AfterSales.Workflows.Runtime;

/// <summary>Why the engine refused a change.</summary>
public enum RefusalReason
{
    /// <summary>The instance does not exist (store-backed calls only).</summary>
    InstanceNotFound,

    /// <summary>The definition version does not exist (store-backed calls only).</summary>
    DefinitionNotFound,

    /// <summary>The definition passed is not the version the instance is pinned to.</summary>
    DefinitionMismatch,

    /// <summary>The instance changed since the caller read it.</summary>
    ConcurrencyConflict,

    /// <summary>No transition has that key.</summary>
    UnknownTransition,

    /// <summary>The transition does not leave the current status.</summary>
    NotFromCurrentStatus,

    /// <summary>The user has none of the transition's roles, or it is automatic.</summary>
    RoleNotAllowed,

    /// <summary>The condition evaluated to false.</summary>
    ConditionFalse,

    /// <summary>The condition could not be evaluated (error, limit exceeded, not a boolean).</summary>
    ConditionFailed,

    /// <summary>Required form fields are empty.</summary>
    MissingRequiredFields,

    /// <summary>The timer is no longer armed with that generation: a no-op, not an error.</summary>
    TimerStale,

    /// <summary>The timer id names another instance.</summary>
    TimerNotForInstance,
}

namespace AfterSales.Workflows.Versioning;

/// <summary>What changed between two versions of a definition.</summary>
public enum ChangeKind
{
    /// <summary>The workflow's name changed.</summary>
    DefinitionRenamed,

    /// <summary>A status was added.</summary>
    StatusAdded,

    /// <summary>A status was removed.</summary>
    StatusRemoved,

    /// <summary>A status's name changed.</summary>
    StatusRenamed,

    /// <summary>A status's category changed.</summary>
    StatusRecategorised,

    /// <summary>A status's colour changed.</summary>
    StatusColorChanged,

    /// <summary>A status's entry or exit actions changed.</summary>
    StatusActionsChanged,

    /// <summary>Another status became the start status.</summary>
    StartStatusChanged,

    /// <summary>A transition was added.</summary>
    TransitionAdded,

    /// <summary>A transition was removed.</summary>
    TransitionRemoved,

    /// <summary>A transition's label changed.</summary>
    TransitionRenamed,

    /// <summary>A transition's source or target statuses changed.</summary>
    TransitionRouteChanged,

    /// <summary>A transition became manual or automatic.</summary>
    TransitionTriggerChanged,

    /// <summary>A transition's roles changed.</summary>
    TransitionRolesChanged,

    /// <summary>A transition's condition (or its message) changed.</summary>
    TransitionConditionChanged,

    /// <summary>A transition's required fields changed.</summary>
    TransitionRequiredFieldsChanged,

    /// <summary>A transition's actions changed.</summary>
    TransitionActionsChanged,

    /// <summary>A transition's attempt counting changed.</summary>
    TransitionAttemptsChanged,

    /// <summary>A timer was added.</summary>
    TimerAdded,

    /// <summary>A timer was removed.</summary>
    TimerRemoved,

    /// <summary>A timer's start, due time, transition or actions changed.</summary>
    TimerChanged,

    /// <summary>A variable was added.</summary>
    VariableAdded,

    /// <summary>A variable was removed.</summary>
    VariableRemoved,

    /// <summary>A variable's type or default changed.</summary>
    VariableChanged,

    /// <summary>The SLA clock configuration changed.</summary>
    SlaClocksChanged,
}

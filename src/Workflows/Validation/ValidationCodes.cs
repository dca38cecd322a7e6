namespace AfterSales.Workflows.Validation;

/// <summary>The codes of <see cref="ValidationIssue"/>s.</summary>
public static class ValidationCodes
{
    /// <summary>A key is empty or has characters other than letters, digits, <c>_</c> and <c>-</c>.</summary>
    public const string InvalidKey = "invalidKey";

    /// <summary>Two elements of the same kind share a key.</summary>
    public const string DuplicateKey = "duplicateKey";

    /// <summary>No status is the start status.</summary>
    public const string NoStartStatus = "noStartStatus";

    /// <summary>More than one status is the start status.</summary>
    public const string MultipleStartStatuses = "multipleStartStatuses";

    /// <summary>No status is of category done.</summary>
    public const string NoDoneStatus = "noDoneStatus";

    /// <summary>A status cannot be reached from the start status.</summary>
    public const string UnreachableStatus = "unreachableStatus";

    /// <summary>A reference to a status that does not exist.</summary>
    public const string UnknownStatus = "unknownStatus";

    /// <summary>A transition leaves from no status.</summary>
    public const string TransitionWithoutSource = "transitionWithoutSource";

    /// <summary>A manual transition names no role, so nobody could fire it.</summary>
    public const string TransitionWithoutRoles = "transitionWithoutRoles";

    /// <summary>A role that is not one of the known roles.</summary>
    public const string UnknownRole = "unknownRole";

    /// <summary>A condition does not parse.</summary>
    public const string ConditionSyntax = "conditionSyntax";

    /// <summary>A condition uses a name that is neither an input nor a JavaScript built-in (a typo, usually).</summary>
    public const string ConditionUnknownName = "conditionUnknownName";

    /// <summary>A field key that is not one of the known fields.</summary>
    public const string UnknownField = "unknownField";

    /// <summary>A reference to a transition that does not exist.</summary>
    public const string UnknownTransition = "unknownTransition";

    /// <summary>A reference to a timer that does not exist.</summary>
    public const string UnknownTimer = "unknownTimer";

    /// <summary>A reference to a variable that does not exist.</summary>
    public const string UnknownVariable = "unknownVariable";

    /// <summary>A timer's due time is not exactly one of duration, field or SLA clock, or its duration is not positive.</summary>
    public const string InvalidTimerDue = "invalidTimerDue";

    /// <summary>A timer follows an SLA clock the definition does not track.</summary>
    public const string UnknownSlaClock = "unknownSlaClock";

    /// <summary>A status-entry timer names no status.</summary>
    public const string TimerWithoutStatus = "timerWithoutStatus";

    /// <summary>A timer has neither a transition nor actions.</summary>
    public const string TimerWithoutEffect = "timerWithoutEffect";

    /// <summary>A status-entry timer fires a transition that does not leave that status.</summary>
    public const string TimerTransitionNotFromStatus = "timerTransitionNotFromStatus";

    /// <summary>A timer fires a transition with required fields, which no timer can fill in.</summary>
    public const string TimerTransitionNeedsFields = "timerTransitionNeedsFields";

    /// <summary>An action lacks what it needs (recipients, a value…).</summary>
    public const string InvalidAction = "invalidAction";

    /// <summary>A variable's default does not read as its type.</summary>
    public const string InvalidVariableDefault = "invalidVariableDefault";

    /// <summary>An SLA clock is configured twice.</summary>
    public const string DuplicateSlaClock = "duplicateSlaClock";
}

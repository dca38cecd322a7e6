namespace AfterSales.Workflows.Conditions;

/// <summary>The result of evaluating a condition; never an exception.</summary>
/// <param name="Outcome">True, false or failed.</param>
/// <param name="Failure">Why it failed, or <see cref="ConditionFailure.None"/>.</param>
/// <param name="Message">User-facing text when failed.</param>
/// <param name="Detail">The script engine's own message, for administrators.</param>
public sealed record ConditionResult(ConditionOutcome Outcome, ConditionFailure Failure = ConditionFailure.None, WorkflowMessage? Message = null, string? Detail = null)
{
    /// <summary>A condition that held.</summary>
    public static ConditionResult True { get; } = new(ConditionOutcome.True);

    /// <summary>A condition that did not hold.</summary>
    public static ConditionResult False { get; } = new(ConditionOutcome.False);

    /// <summary>Whether it returned true.</summary>
    public bool IsTrue => Outcome == ConditionOutcome.True;

    internal static ConditionResult Failed(ConditionFailure failure, WorkflowMessage message, string? detail) =>
        new(ConditionOutcome.Failed, failure, message, detail);
}

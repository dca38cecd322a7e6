namespace AfterSales.Workflows.Conditions;

/// <summary>What a condition evaluated to.</summary>
public enum ConditionOutcome
{
    /// <summary>It returned <c>true</c>.</summary>
    True,

    /// <summary>It returned <c>false</c>.</summary>
    False,

    /// <summary>It could not be evaluated; the transition is blocked.</summary>
    Failed,
}

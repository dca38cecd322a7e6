namespace AfterSales.Workflows.Conditions;

/// <summary>Why a condition failed.</summary>
public enum ConditionFailure
{
    /// <summary>It did not fail.</summary>
    None,

    /// <summary>It does not parse.</summary>
    Syntax,

    /// <summary>It ran out of time (including a regular expression timeout).</summary>
    Timeout,

    /// <summary>It allocated too much (including an oversized array).</summary>
    MemoryLimit,

    /// <summary>It executed too many statements.</summary>
    StatementLimit,

    /// <summary>It recursed too deeply.</summary>
    RecursionLimit,

    /// <summary>It threw (a reference to an unknown name, a type error…).</summary>
    ScriptError,

    /// <summary>It returned something other than a boolean.</summary>
    NotBoolean,
}

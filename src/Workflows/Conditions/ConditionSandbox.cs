namespace AfterSales.Workflows.Conditions;

/// <summary>
/// Limits every condition runs under. Conditions are written by tenant administrators, so each limit keeps one bad
/// expression from costing a request thread more than a few milliseconds or megabytes.
/// </summary>
public sealed record ConditionSandbox
{
    /// <summary>The defaults: generous for a one-line expression, tiny for a server.</summary>
    public static ConditionSandbox Default { get; } = new();

    /// <summary>Wall-clock time per evaluation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Bytes allocated per evaluation.</summary>
    public long MemoryLimitBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Statements executed per evaluation.</summary>
    public int MaxStatements { get; init; } = 10_000;

    /// <summary>Nested calls.</summary>
    public int MaxRecursionDepth { get; init; } = 32;

    /// <summary>Elements of one array.</summary>
    public uint MaxArraySize { get; init; } = 10_000;

    /// <summary>Time one regular expression match may take.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(50);
}

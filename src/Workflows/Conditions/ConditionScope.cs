using AfterSales.Workflows.Runtime;

namespace AfterSales.Workflows.Conditions;

/// <summary>
/// The names a condition sees: <c>request</c> (built-in fields plus <c>id</c>, <c>serviceType</c>, <c>priority</c>,
/// <c>assigneeId</c>, and <c>request.custom</c> for custom fields), <c>user</c> (<c>id</c>, <c>name</c>, <c>roles</c>),
/// <c>attempts</c> (every counter the definition uses, 0 until counted), <c>vars</c>, <c>status</c>,
/// <c>statusEnteredAt</c> and <c>now</c> (JavaScript <c>Date</c>s) and <c>today</c> (<c>yyyy-MM-dd</c> in the tenant's
/// time zone, comparable with date fields, which are given as the same kind of string).
/// </summary>
public sealed record ConditionScope
{
    /// <summary>The global names a condition may use besides JavaScript's built-ins.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "request", "user", "attempts", "vars", "status", "statusEnteredAt", "now", "today",
    };

    /// <summary>The request.</summary>
    public RequestSnapshot Request { get; init; } = RequestSnapshot.Empty;

    /// <summary>Who acts.</summary>
    public WorkflowActor Actor { get; init; } = WorkflowActor.System;

    /// <summary>Current status key.</summary>
    public string Status { get; init; } = "";

    /// <summary>When the current status was entered.</summary>
    public DateTimeOffset StatusEnteredAt { get; init; }

    /// <summary>Attempt counters.</summary>
    public IReadOnlyDictionary<string, int> Attempts { get; init; } = new Dictionary<string, int>();

    /// <summary>Workflow variables, already typed.</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; init; } = new Dictionary<string, object?>();

    /// <summary>The current instant.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The tenant's local date.</summary>
    public DateOnly Today { get; init; }
}

namespace AfterSales.Workflows.Runtime;

/// <summary>An append-only record of one change, for the request's timeline and time-in-status reports.</summary>
public sealed record HistoryEntry
{
    /// <summary>What happened.</summary>
    public required HistoryKind Kind { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Acting user id; null for the system.</summary>
    public string? ActorId { get; init; }

    /// <summary>Acting user's name.</summary>
    public string? ActorName { get; init; }

    /// <summary>Status before.</summary>
    public string? From { get; init; }

    /// <summary>Status after.</summary>
    public required string To { get; init; }

    /// <summary>Transition fired, if any.</summary>
    public string? TransitionKey { get; init; }

    /// <summary>Timer that fired, if any.</summary>
    public string? TimerKey { get; init; }

    /// <summary>Transition form values as submitted.</summary>
    public IReadOnlyDictionary<string, object?> FormValues { get; init; } = new Dictionary<string, object?>();

    /// <summary>Definition version the change ran on.</summary>
    public required int DefinitionVersion { get; init; }

    /// <summary>Instance version after the change.</summary>
    public required long InstanceVersion { get; init; }

    /// <summary>Why a timer's transition was skipped, or other remarks.</summary>
    public WorkflowMessage? Note { get; init; }
}

using System.Collections.Immutable;
using AfterSales.Workflows.Sla;
using AfterSales.Workflows.Timers;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// The workflow state of one request, immutable: the engine returns a new value for every change. It serialises to
/// JSON (<see cref="Serialization.WorkflowJson"/>), so the host may store it as one column or map it to its own columns.
/// </summary>
public sealed record WorkflowInstance
{
    /// <summary>Instance id, usually the request id; also the prefix of every <see cref="TimerId"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Logical definition key.</summary>
    public required string DefinitionKey { get; init; }

    /// <summary>The definition version the instance runs on until migrated.</summary>
    public required int DefinitionVersion { get; init; }

    /// <summary>Current status key.</summary>
    public required string Status { get; init; }

    /// <summary>When the current status was entered.</summary>
    public required DateTimeOffset StatusEnteredAt { get; init; }

    /// <summary>When the instance started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Concurrency version, increased by every change; a change computed from an older version is refused.</summary>
    public long Version { get; init; }

    /// <summary>Attempt counters, by counter key.</summary>
    public ImmutableSortedDictionary<string, int> Attempts { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>Workflow variables in invariant text form.</summary>
    public ImmutableSortedDictionary<string, string?> Variables { get; init; } = ImmutableSortedDictionary<string, string?>.Empty;

    /// <summary>The last generation armed per timer key, so a re-armed timer never reuses an id.</summary>
    public ImmutableSortedDictionary<string, int> TimerGenerations { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>Timers armed now.</summary>
    public ImmutableList<PendingTimer> Timers { get; init; } = [];

    /// <summary>SLA clocks.</summary>
    public ImmutableList<SlaClock> SlaClocks { get; init; } = [];

    /// <summary>The attempt counter <paramref name="key"/> (0 when never counted).</summary>
    public int AttemptsOf(string key) => Attempts.GetValueOrDefault(key);

    /// <summary>The SLA clock of <paramref name="kind"/>, or null when not tracked.</summary>
    public SlaClock? Clock(SlaClockKind kind) => SlaClocks.FirstOrDefault(c => c.Kind == kind);
}

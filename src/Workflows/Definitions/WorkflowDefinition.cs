using System.Text.Json.Serialization;

namespace AfterSales.Workflows.Definitions;

/// <summary>
/// One version of a workflow: statuses, transitions, timers and variables. Published versions are immutable
/// (the store enforces it); instances pin the version they run on.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Format tag written into every exported document, so a future format can be told apart on import.</summary>
    public const string CurrentSchema = "aftersales.workflow/1";

    /// <summary>Format tag; <see cref="CurrentSchema"/>.</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>Logical id shared by all versions (e.g. <c>ONSITE</c>).</summary>
    public required string Key { get; init; }

    /// <summary>Version number, from 1, increasing with each published version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Draft or published.</summary>
    public DefinitionState State { get; init; } = DefinitionState.Draft;

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The service type code the workflow was made for, if any.</summary>
    public string? ServiceType { get; init; }

    /// <summary>Workflow variables.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>Statuses; exactly one has <see cref="StatusDefinition.IsStart"/>.</summary>
    public required IReadOnlyList<StatusDefinition> Statuses { get; init; }

    /// <summary>Transitions between statuses.</summary>
    public required IReadOnlyList<TransitionDefinition> Transitions { get; init; }

    /// <summary>Timers.</summary>
    public IReadOnlyList<TimerDefinition> Timers { get; init; } = [];

    /// <summary>SLA clocks tracked for requests on this workflow.</summary>
    public IReadOnlyList<SlaClockDefinition> SlaClocks { get; init; } = [];

    /// <summary>The start status, or null when there is not exactly one (the validator reports it).</summary>
    [JsonIgnore]
    public StatusDefinition? StartStatus =>
        Statuses.Count(s => s.IsStart) == 1 ? Statuses.First(s => s.IsStart) : null;

    /// <summary>The status with <paramref name="key"/>, or null.</summary>
    public StatusDefinition? FindStatus(string key) => Statuses.FirstOrDefault(s => s.Key == key);

    /// <summary>The transition with <paramref name="key"/>, or null.</summary>
    public TransitionDefinition? FindTransition(string key) => Transitions.FirstOrDefault(t => t.Key == key);

    /// <summary>The timer with <paramref name="key"/>, or null.</summary>
    public TimerDefinition? FindTimer(string key) => Timers.FirstOrDefault(t => t.Key == key);

    /// <summary>The variable with <paramref name="key"/>, or null.</summary>
    public VariableDefinition? FindVariable(string key) => Variables.FirstOrDefault(v => v.Key == key);

    /// <summary>Whether <paramref name="statusKey"/> is a done status (an unknown key is not).</summary>
    public bool IsDone(string statusKey) => FindStatus(statusKey)?.Category == StatusCategory.Done;
}

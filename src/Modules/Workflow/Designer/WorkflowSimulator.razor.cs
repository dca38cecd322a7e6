using System.Globalization;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Timers;
using Microsoft.AspNetCore.Components;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// Runs a workflow definition (a draft too) in memory with the real engine, for an admin to try it before
/// publishing. A new <see cref="Definition"/> starts a new simulation.
/// </summary>
public sealed partial class WorkflowSimulator
{
    private SimulatorSession _simulation = default!;
    private WorkflowCanvas? _canvas;
    private IReadOnlyList<AvailableTransition> _available = [];
    private IReadOnlyList<string> _availableKeys = [];
    private AvailableTransition? _pending;
    private readonly Dictionary<string, string?> _form = new(StringComparer.Ordinal);
    private DiagramDrawing? _drawing;

    [Inject] private TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The definition to simulate.</summary>
    [Parameter, EditorRequired] public WorkflowDefinition Definition { get; set; } = default!;

    /// <summary>The fields the sample request and the transition forms offer (as for the designer).</summary>
    [Parameter] public IReadOnlyList<DesignerField> Fields { get; set; } = [];

    private DiagramModel Diagram => (_drawing ??= new DiagramDrawing(W)).Of(Definition, readOnly: true);

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (_simulation is null || !ReferenceEquals(_simulation.Definition, Definition))
        {
            _simulation = new SimulatorSession(Definition, Fields, Time.GetUtcNow());

            // Most flows begin at the service desk; the admin switches roles from there.
            _simulation.Roles.Add(WorkflowRoles.Dispatcher);
            _pending = null;
            Refresh();
        }
    }

    private void Start()
    {
        _simulation.Start();
        _pending = null;
        Refresh();
    }

    private void SetRoles(IEnumerable<string> roles)
    {
        _simulation.Roles.Clear();
        _simulation.Roles.UnionWith(roles);
        Refresh();
    }

    private void Choose(AvailableTransition transition)
    {
        _form.Clear();
        foreach (var field in transition.RequiredFields)
        {
            _form[field] = _simulation.Values.GetValueOrDefault(field);
        }

        _pending = transition;
        if (transition.RequiredFields.Count == 0)
        {
            Fire(transition);
        }
    }

    private void Fire(AvailableTransition transition)
    {
        if (_simulation.Fire(transition.Key, _form))
        {
            _pending = null;
        }

        Refresh();
    }

    private void FireTimer(PendingTimer timer)
    {
        _simulation.FireTimer(timer);
        _pending = null;
        Refresh();
    }

    private void SetAttempts(string counter, int count)
    {
        _simulation.SetAttempts(counter, count);
        Refresh();
    }

    // Buttons depend on roles, field values, attempts and status: recomputed after each of them changes.
    private void Refresh()
    {
        _available = _simulation.Available();
        _availableKeys = [.. _available.Select(t => t.Key)];
        if (_pending is not null && _available.All(t => t.Key != _pending.Key))
        {
            _pending = null;
        }
    }

    private IReadOnlyList<DesignerField> FormFields(AvailableTransition transition) =>
        [.. transition.RequiredFields.Select(key => Fields.FirstOrDefault(f => f.Key == key) ?? new DesignerField(key, new(key, key)))];

    private string StatusName(string? key) =>
        key is null ? "—" : Definition.FindStatus(key)?.Name.For(CultureInfo.CurrentUICulture) ?? key;

    private string What(HistoryEntry entry)
    {
        var culture = CultureInfo.CurrentUICulture;
        var transition = entry.TransitionKey is { } t ? Definition.FindTransition(t)?.Label.For(culture) ?? t : null;
        return entry.Kind switch
        {
            HistoryKind.Started => W["Simulator.Started"],
            HistoryKind.TimerFired => W["Simulator.TimerFired", Definition.FindTimer(entry.TimerKey ?? "")?.Name?.For(culture) ?? entry.TimerKey ?? ""]
                + (transition is null ? "" : $" → {transition}"),
            _ => transition ?? "",
        };
    }
}

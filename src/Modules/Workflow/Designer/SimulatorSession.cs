using System.Collections.Immutable;
using AfterSales.Workflows;
using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Timers;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// A dry run of a (possibly draft) definition: one instance in memory on the real engine, a sample request and a
/// sample user, and a clock of its own so a timer can be made due at once. It plays the host's part for the
/// actions that change the request (assign, set field) and only lists the rest; it never touches real requests,
/// the database, mail or webhooks.
/// </summary>
public sealed class SimulatorSession
{
    private readonly SimulatedClock clock;
    private readonly WorkflowEngine engine;
    private readonly IReadOnlyList<DesignerField> fields;
    private readonly List<SimulationStep> steps = [];

    /// <summary>A simulation of <paramref name="definition"/> whose forms offer <paramref name="fields"/>, starting at <paramref name="now"/>.</summary>
    public SimulatorSession(WorkflowDefinition definition, IReadOnlyList<DesignerField> fields, DateTimeOffset now)
    {
        Definition = definition;
        this.fields = fields;
        clock = new SimulatedClock(now);
        engine = new WorkflowEngine(clock);
    }

    /// <summary>The definition simulated.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>The sample request's field values as typed, by field key; the simulated host writes assignments and field actions back here.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The sample user's roles, possibly with <see cref="TransitionDefinition.AssigneeRole"/> for "I am the assignee".</summary>
    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>The instance; null before <see cref="Start"/>.</summary>
    public WorkflowInstance? Instance { get; private set; }

    /// <summary>The simulated time.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>What happened, oldest first.</summary>
    public IReadOnlyList<SimulationStep> Steps => steps;

    /// <summary>Why the last start, transition or timer did nothing; null when it went through.</summary>
    public WorkflowMessage? Refusal { get; private set; }

    /// <summary>The sample request as the engine sees it now.</summary>
    public RequestSnapshot Request => SampleInput.Request(Values, fields);

    /// <summary>(Re)starts the instance in the start status; refused when the definition has no single start status.</summary>
    public bool Start()
    {
        steps.Clear();
        Instance = null;
        if (Definition.StartStatus is null)
        {
            Refusal = new WorkflowMessage("designer.simulator.noStart", "The workflow needs exactly one start status.", "流程需要且只能有一个起始状态。");
            return false;
        }

        return Record(engine.Start(Definition, "simulation", Context()), null);
    }

    /// <summary>The transitions the sample user may fire now.</summary>
    public IReadOnlyList<AvailableTransition> Available() => Instance is null ? [] : engine.Available(Definition, Instance, Context());

    /// <summary>Fires <paramref name="transitionKey"/> with the transition form's typed values.</summary>
    public bool Fire(string transitionKey, IReadOnlyDictionary<string, string?> form)
    {
        if (Instance is null)
        {
            return false;
        }

        var values = form.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => SampleInput.Read(v.Value));
        return Record(engine.Fire(Definition, Instance, transitionKey, Context(), values), form);
    }

    /// <summary>Makes <paramref name="timer"/> due now (moving the simulated clock forward to it if need be) and fires it.</summary>
    public bool FireTimer(PendingTimer timer)
    {
        if (Instance is null)
        {
            return false;
        }

        if (timer.DueAt is { } due && due > clock.GetUtcNow())
        {
            clock.MoveTo(due);
        }

        return Record(engine.FireTimer(Definition, Instance, new TimerId(Instance.Id, timer.Key, timer.Generation), Context()), null);
    }

    /// <summary>Sets an attempt counter, to try a condition such as "after two visits" without making the visits.</summary>
    public void SetAttempts(string counter, int count)
    {
        if (Instance is not null && count >= 0)
        {
            Instance = Instance with { Attempts = Instance.Attempts.SetItem(counter, count) };
        }
    }

    private WorkflowContext Context()
    {
        var request = Request;
        return WorkflowContext.For(SampleInput.Actor(Roles, request), request);
    }

    private bool Record(WorkflowResult result, IReadOnlyDictionary<string, string?>? form)
    {
        Refusal = result.Refusal?.Message;
        if (!result.Succeeded)
        {
            return false;
        }

        Instance = result.Instance;

        // The host stores what the transition form asked for, then runs the actions that change the request.
        foreach (var (key, value) in form ?? ImmutableDictionary<string, string?>.Empty)
        {
            Values[key] = value;
        }

        foreach (var step in result.Actions)
        {
            ApplyToRequest(step.Action, form);
        }

        if (result.History is { } history)
        {
            steps.Add(new SimulationStep(history, result.Actions));
        }

        return true;
    }

    private void ApplyToRequest(WorkflowAction action, IReadOnlyDictionary<string, string?>? form)
    {
        string? FromForm(string? key) => key is null ? null : form?.GetValueOrDefault(key);
        switch (action)
        {
            case AssignAction { To: AssigneeSource.FormField, Value: { } field }:
                Values["assigneeId"] = FromForm(field);
                break;
            case AssignAction { To: AssigneeSource.User, Value: { } user }:
                Values["assigneeId"] = user;
                break;
            case SetFieldAction set:
                Values[set.Field] = set.FromFormField is { } source ? FromForm(source) : set.Value;
                break;
        }
    }
}

using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// The designer's edits of a definition, each returning a new definition. A key that changes or disappears is
/// followed everywhere the engine's model refers to it, so an edit never leaves a reference the admin did not see
/// go; references the admin must decide about (a timer firing a deleted transition) stay for the validator to show.
/// </summary>
public static class DefinitionEdits
{
    /// <summary>Adds <paramref name="status"/>.</summary>
    public static WorkflowDefinition AddStatus(this WorkflowDefinition definition, StatusDefinition status) =>
        definition with { Statuses = [.. definition.Statuses, status] };

    /// <summary>Puts <paramref name="status"/> in the place of the status with <paramref name="key"/>; it must keep the key (see <see cref="RenameStatus"/>).</summary>
    public static WorkflowDefinition ReplaceStatus(this WorkflowDefinition definition, string key, StatusDefinition status) =>
        definition with { Statuses = Replace(definition.Statuses, s => s.Key == key, status) };

    /// <summary>Makes <paramref name="key"/> the only start status.</summary>
    public static WorkflowDefinition MakeStart(this WorkflowDefinition definition, string key) =>
        definition with { Statuses = [.. definition.Statuses.Select(s => s.IsStart == (s.Key == key) ? s : s with { IsStart = s.Key == key })] };

    /// <summary>Gives the status a new key in the status itself, the transitions, timers and SLA clocks.</summary>
    public static WorkflowDefinition RenameStatus(this WorkflowDefinition definition, string key, string newKey)
    {
        string Follow(string s) => s == key ? newKey : s;
        return definition with
        {
            Statuses = [.. definition.Statuses.Select(s => s.Key == key ? s with { Key = newKey } : s)],
            Transitions = [.. definition.Transitions.Select(t => t with { From = [.. t.From.Select(Follow)], To = Follow(t.To) })],
            Timers = [.. definition.Timers.Select(t => t.Status == key ? t with { Status = newKey } : t)],
            SlaClocks = [.. definition.SlaClocks.Select(c => c with { StopsIn = [.. c.StopsIn.Select(Follow)] })],
        };
    }

    /// <summary>
    /// Removes the status, the transitions into it, it from the sources of the others (dropping those left without
    /// a source), the timers it arms and its place in the SLA clocks.
    /// </summary>
    public static WorkflowDefinition RemoveStatus(this WorkflowDefinition definition, string key) => definition with
    {
        Statuses = [.. definition.Statuses.Where(s => s.Key != key)],
        Transitions = [.. definition.Transitions
            .Where(t => t.To != key)
            .Select(t => t.From.Contains(key) ? t with { From = [.. t.From.Where(f => f != key)] } : t)
            .Where(t => t.From.Count > 0)],
        Timers = [.. definition.Timers.Where(t => !ArmedIn(t, key))],
        SlaClocks = [.. definition.SlaClocks.Select(c => c.StopsIn.Contains(key) ? c with { StopsIn = [.. c.StopsIn.Where(s => s != key)] } : c)],
    };

    /// <summary>The transitions that would go with the status: into it, or leaving only from it.</summary>
    public static IReadOnlyList<TransitionDefinition> TransitionsOf(this WorkflowDefinition definition, string statusKey) =>
        [.. definition.Transitions.Where(t => t.To == statusKey || t.From.All(f => f == statusKey))];

    /// <summary>The timers that would go with the status: those it arms on entry.</summary>
    public static IReadOnlyList<TimerDefinition> TimersOf(this WorkflowDefinition definition, string statusKey) =>
        [.. definition.Timers.Where(t => ArmedIn(t, statusKey))];

    /// <summary>Adds <paramref name="transition"/>.</summary>
    public static WorkflowDefinition AddTransition(this WorkflowDefinition definition, TransitionDefinition transition) =>
        definition with { Transitions = [.. definition.Transitions, transition] };

    /// <summary>Puts <paramref name="transition"/> in the place of the transition with <paramref name="key"/>.</summary>
    public static WorkflowDefinition ReplaceTransition(this WorkflowDefinition definition, string key, TransitionDefinition transition) =>
        definition with { Transitions = Replace(definition.Transitions, t => t.Key == key, transition) };

    /// <summary>Gives the transition a new key in itself and in the timers that fire it.</summary>
    public static WorkflowDefinition RenameTransition(this WorkflowDefinition definition, string key, string newKey) => definition with
    {
        Transitions = [.. definition.Transitions.Select(t => t.Key == key ? t with { Key = newKey } : t)],
        Timers = [.. definition.Timers.Select(t => t.Transition == key ? t with { Transition = newKey } : t)],
    };

    /// <summary>Removes the transition; timers that fire it keep the reference for the validator to point at.</summary>
    public static WorkflowDefinition RemoveTransition(this WorkflowDefinition definition, string key) =>
        definition with { Transitions = [.. definition.Transitions.Where(t => t.Key != key)] };

    /// <summary>Adds <paramref name="timer"/>.</summary>
    public static WorkflowDefinition AddTimer(this WorkflowDefinition definition, TimerDefinition timer) =>
        definition with { Timers = [.. definition.Timers, timer] };

    /// <summary>Puts <paramref name="timer"/> in the place of the timer with <paramref name="key"/>, following a new key into start/cancel actions.</summary>
    public static WorkflowDefinition ReplaceTimer(this WorkflowDefinition definition, string key, TimerDefinition timer)
    {
        var replaced = definition with { Timers = Replace(definition.Timers, t => t.Key == key, timer) };
        return timer.Key == key ? replaced : replaced.MapActions(a => a switch
        {
            StartTimerAction s when s.Timer == key => s with { Timer = timer.Key },
            CancelTimerAction c when c.Timer == key => c with { Timer = timer.Key },
            _ => a,
        });
    }

    /// <summary>Removes the timer; actions that start or cancel it stay for the validator to point at.</summary>
    public static WorkflowDefinition RemoveTimer(this WorkflowDefinition definition, string key) =>
        definition with { Timers = [.. definition.Timers.Where(t => t.Key != key)] };

    /// <summary>Every action of every status, transition and timer passed through <paramref name="map"/>.</summary>
    public static WorkflowDefinition MapActions(this WorkflowDefinition definition, Func<WorkflowAction, WorkflowAction> map) => definition with
    {
        Statuses = [.. definition.Statuses.Select(s => s with { EntryActions = [.. s.EntryActions.Select(map)], ExitActions = [.. s.ExitActions.Select(map)] })],
        Transitions = [.. definition.Transitions.Select(t => t with { Actions = [.. t.Actions.Select(map)] })],
        Timers = [.. definition.Timers.Select(t => t with { Actions = [.. t.Actions.Select(map)] })],
    };

    /// <summary>The attempt counters the transitions count or reset, in order of first use.</summary>
    public static IReadOnlyList<string> AttemptCounters(this WorkflowDefinition definition) =>
        [.. definition.Transitions.SelectMany(t => t.ResetsAttempts.Prepend(t.CountsAttempt ?? "")).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];

    private static bool ArmedIn(TimerDefinition timer, string statusKey) => timer.StartsOn == TimerStart.StatusEntered && timer.Status == statusKey;

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, T replacement) =>
        [.. items.Select(item => match(item) ? replacement : item)];
}

using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Serialization;
using AfterSales.Workflows.Validation;

namespace AfterSales.Workflows.Versioning;

/// <summary>
/// Lists what changed between two versions of a definition, element by element (matched by key). Diagram
/// positions are ignored: moving a box is not a change anyone needs in the history.
/// </summary>
public static class DefinitionDiff
{
    /// <summary>The changes from <paramref name="older"/> to <paramref name="newer"/>, statuses first, then transitions, timers, variables.</summary>
    public static IReadOnlyList<DefinitionChange> Between(WorkflowDefinition older, WorkflowDefinition newer)
    {
        var changes = new List<DefinitionChange>();
        if (older.Name != newer.Name)
        {
            changes.Add(new(ChangeKind.DefinitionRenamed, DefinitionElement.Definition, null, Text(older.Name), Text(newer.Name)));
        }

        Compare(older.Statuses, newer.Statuses, s => s.Key, DefinitionElement.Status, ChangeKind.StatusAdded, ChangeKind.StatusRemoved, Text, changes, CompareStatus);
        if (older.StartStatus?.Key != newer.StartStatus?.Key)
        {
            changes.Add(new(ChangeKind.StartStatusChanged, DefinitionElement.Definition, null, older.StartStatus?.Key, newer.StartStatus?.Key));
        }

        Compare(older.Transitions, newer.Transitions, t => t.Key, DefinitionElement.Transition, ChangeKind.TransitionAdded, ChangeKind.TransitionRemoved,
            t => $"{string.Join(", ", t.From)} → {t.To}", changes, CompareTransition);
        Compare(older.Timers, newer.Timers, t => t.Key, DefinitionElement.Timer, ChangeKind.TimerAdded, ChangeKind.TimerRemoved, WorkflowJson.Compact, changes,
            (a, b, add) => Field(a, b, t => WorkflowJson.Compact(t), ChangeKind.TimerChanged, DefinitionElement.Timer, a.Key, add));
        Compare(older.Variables, newer.Variables, v => v.Key, DefinitionElement.Variable, ChangeKind.VariableAdded, ChangeKind.VariableRemoved, WorkflowJson.Compact, changes,
            (a, b, add) => Field(a, b, v => WorkflowJson.Compact(v), ChangeKind.VariableChanged, DefinitionElement.Variable, a.Key, add));
        Field(older, newer, d => WorkflowJson.Compact(d.SlaClocks), ChangeKind.SlaClocksChanged, DefinitionElement.SlaClock, null, changes.Add);
        return changes;
    }

    private static void CompareStatus(StatusDefinition a, StatusDefinition b, Action<DefinitionChange> add)
    {
        Field(a, b, s => Text(s.Name), ChangeKind.StatusRenamed, DefinitionElement.Status, a.Key, add);
        Field(a, b, s => s.Category.ToString(), ChangeKind.StatusRecategorised, DefinitionElement.Status, a.Key, add);
        Field(a, b, s => s.Color, ChangeKind.StatusColorChanged, DefinitionElement.Status, a.Key, add);
        Field(a, b, s => WorkflowJson.Compact(new { s.EntryActions, s.ExitActions }), ChangeKind.StatusActionsChanged, DefinitionElement.Status, a.Key, add);
    }

    private static void CompareTransition(TransitionDefinition a, TransitionDefinition b, Action<DefinitionChange> add)
    {
        Field(a, b, t => Text(t.Label), ChangeKind.TransitionRenamed, DefinitionElement.Transition, a.Key, add);
        Field(a, b, t => $"{string.Join(", ", t.From)} → {t.To}", ChangeKind.TransitionRouteChanged, DefinitionElement.Transition, a.Key, add);
        Field(a, b, t => t.Trigger.ToString(), ChangeKind.TransitionTriggerChanged, DefinitionElement.Transition, a.Key, add);
        Field(a, b, t => string.Join(", ", t.Roles.Order(StringComparer.Ordinal)), ChangeKind.TransitionRolesChanged, DefinitionElement.Transition, a.Key, add);
        Field(a, b, t => t.ConditionMessage is null ? t.Condition : $"{t.Condition} ({Text(t.ConditionMessage)})", ChangeKind.TransitionConditionChanged, DefinitionElement.Transition, a.Key, add);
        Field(a, b, t => string.Join(", ", t.RequiredFields), ChangeKind.TransitionRequiredFieldsChanged, DefinitionElement.Transition, a.Key, add);
        Field(a, b, t => WorkflowJson.Compact(t.Actions), ChangeKind.TransitionActionsChanged, DefinitionElement.Transition, a.Key, add);
        Field(a, b, t => $"+{t.CountsAttempt} -{string.Join(",", t.ResetsAttempts)}", ChangeKind.TransitionAttemptsChanged, DefinitionElement.Transition, a.Key, add);
    }

    private static void Compare<T>(IReadOnlyList<T> older, IReadOnlyList<T> newer, Func<T, string> key, DefinitionElement element, ChangeKind added, ChangeKind removed,
        Func<T, string> show, List<DefinitionChange> changes, Action<T, T, Action<DefinitionChange>> compare)
    {
        var before = older.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        var after = newer.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in older.Where(i => !after.ContainsKey(key(i))))
        {
            changes.Add(new(removed, element, key(item), show(item), null));
        }

        foreach (var item in newer)
        {
            if (before.TryGetValue(key(item), out var old))
            {
                compare(old, item, changes.Add);
            }
            else
            {
                changes.Add(new(added, element, key(item), null, show(item)));
            }
        }
    }

    private static void Field<T>(T a, T b, Func<T, string?> value, ChangeKind kind, DefinitionElement element, string? key, Action<DefinitionChange> add)
    {
        var (before, after) = (value(a), value(b));
        if (before != after)
        {
            add(new DefinitionChange(kind, element, key, before, after));
        }
    }

    private static string Text(LocalizedText text) => $"{text.Zh} / {text.En}";

    private static string Text(StatusDefinition status) => $"{Text(status.Name)} ({status.Category})";
}

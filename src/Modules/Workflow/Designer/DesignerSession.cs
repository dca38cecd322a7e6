using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Validation;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// One editing session of the designer: the current definition, what is selected, and undo/redo as a stack of
/// immutable definitions (no inverse operations to get wrong). The component and the diagram only call into it,
/// so every editing rule is testable without a browser.
/// </summary>
public sealed class DesignerSession
{
    // Enough for an afternoon's editing; each entry shares all unchanged statuses and transitions with its neighbours.
    private const int UndoDepth = 200;

    // A new arrow should be usable at once by the service desk; the admin narrows it from there.
    private static readonly IReadOnlyList<string> NewTransitionRoles = [WorkflowRoles.Manager, WorkflowRoles.Dispatcher, WorkflowRoles.Agent];

    private readonly LinkedList<(WorkflowDefinition Definition, DesignerSelection Selection)> undo = new();
    private readonly Stack<(WorkflowDefinition Definition, DesignerSelection Selection)> redo = new();
    private readonly ILookup<DefinitionElement, string> baseline;
    private readonly DefinitionValidator validator;
    private IReadOnlySet<string>? knownFields;
    private ValidationReport? report;
    private IReadOnlySet<string>? issueKeys;

    /// <summary>A session on <paramref name="definition"/>; its statuses and transitions count as existing ones whose keys are fixed once used.</summary>
    public DesignerSession(WorkflowDefinition definition, IReadOnlySet<string>? knownFields = null, DefinitionValidator? validator = null)
    {
        Definition = definition;
        this.knownFields = knownFields;
        this.validator = validator ?? new DefinitionValidator();
        baseline = definition.Statuses.Select(s => (Element: DefinitionElement.Status, s.Key))
            .Concat(definition.Transitions.Select(t => (Element: DefinitionElement.Transition, t.Key)))
            .Concat(definition.Timers.Select(t => (Element: DefinitionElement.Timer, t.Key)))
            .Concat(definition.Variables.Select(v => (Element: DefinitionElement.Variable, v.Key)))
            .ToLookup(e => e.Element, e => e.Key);
    }

    /// <summary>The definition as edited so far.</summary>
    public WorkflowDefinition Definition { get; private set; }

    /// <summary>What the side panel shows.</summary>
    public DesignerSelection Selection { get; private set; } = DesignerSelection.Workflow;

    /// <summary>Whether there is an edit to undo.</summary>
    public bool CanUndo => undo.Count > 0;

    /// <summary>Whether there is an undone edit to redo.</summary>
    public bool CanRedo => redo.Count > 0;

    /// <summary>Field keys the validator accepts; null skips field checks (no list was given).</summary>
    public IReadOnlySet<string>? KnownFields
    {
        get => knownFields;
        set
        {
            knownFields = value;
            Invalidate();
        }
    }

    /// <summary>What the validator says about <see cref="Definition"/>, computed once per definition.</summary>
    public ValidationReport Report => report ??= validator.Validate(Definition, knownFields, WorkflowRoles.All);

    /// <summary>Status and transition keys with issues, for outlining them on the diagram.</summary>
    public IReadOnlySet<string> IssueKeys => issueKeys ??= Report.Errors
        .Where(e => e.ElementKey is not null && e.Element is DefinitionElement.Status or DefinitionElement.Transition)
        .Select(e => e.ElementKey!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Selects <paramref name="selection"/>; an element that does not exist selects the workflow.</summary>
    public void Select(DesignerSelection? selection) => Selection = Exists(selection) ? selection! : DesignerSelection.Workflow;

    /// <summary>Makes <paramref name="next"/> the definition, undoably; returns false when it is the same one.</summary>
    public bool Apply(WorkflowDefinition next, DesignerSelection? select = null)
    {
        if (ReferenceEquals(next, Definition) || next == Definition)
        {
            return false;
        }

        undo.AddLast((Definition, Selection));
        if (undo.Count > UndoDepth)
        {
            undo.RemoveFirst();
        }

        redo.Clear();
        Definition = next;
        Invalidate();
        Select(select ?? Selection);
        return true;
    }

    /// <summary>Adds a status named <paramref name="name"/> at <paramref name="at"/>, selects it and returns its key. The first status is the start.</summary>
    public string AddStatus(LocalizedText name, DiagramPosition at)
    {
        var key = DesignerKeys.Next("Status", Definition.Statuses.Select(s => s.Key));
        var n = key["Status".Length..];
        var status = new StatusDefinition
        {
            Key = key,
            Name = new($"{name.Zh} {n}", $"{name.En} {n}"),
            Category = StatusCategory.InProgress,
            Color = "#546e7a",
            Position = at,
            IsStart = Definition.Statuses.Count == 0,
        };
        Apply(Definition.AddStatus(status), DesignerSelection.Status(key));
        return key;
    }

    /// <summary>
    /// Adds a transition from <paramref name="from"/> to <paramref name="to"/>, labelled with the target's name, and
    /// selects it; null when either status is unknown.
    /// </summary>
    public string? Connect(string from, string to)
    {
        if (Definition.FindStatus(from) is null || Definition.FindStatus(to) is not { } target)
        {
            return null;
        }

        var stem = $"{from}To{to}";
        var taken = Definition.Transitions.Select(t => t.Key).ToList();
        var key = DesignerKeys.IsValid(stem) && !taken.Contains(stem, StringComparer.OrdinalIgnoreCase) ? stem : DesignerKeys.Next(DesignerKeys.IsValid(stem) ? stem : "Transition", taken);
        var transition = new TransitionDefinition { Key = key, From = [from], To = to, Label = target.Name, Roles = NewTransitionRoles };
        Apply(Definition.AddTransition(transition), DesignerSelection.Transition(key));
        return key;
    }

    /// <summary>Adds a timer armed on entering <paramref name="status"/> (on start when null), due a day later, selects it and returns its key.</summary>
    public string AddTimer(string? status)
    {
        var key = DesignerKeys.Next("timer", Definition.Timers.Select(t => t.Key));
        var timer = new TimerDefinition
        {
            Key = key,
            StartsOn = status is null ? TimerStart.InstanceStarted : TimerStart.StatusEntered,
            Status = status,
            Due = TimerDue.After(TimeSpan.FromDays(1)),
        };
        Apply(Definition.AddTimer(timer), new DesignerSelection(DefinitionElement.Timer, key));
        return key;
    }

    /// <summary>Moves a status on the diagram; false when it is unknown or already there.</summary>
    public bool Move(string statusKey, double x, double y) =>
        Definition.FindStatus(statusKey) is { } status && status.Position != new DiagramPosition(x, y)
        && Apply(Definition.ReplaceStatus(statusKey, status with { Position = new(x, y) }));

    /// <summary>Deletes the selected status (with what goes with it), transition or timer; returns false when nothing deletable is selected.</summary>
    public bool DeleteSelected()
    {
        var next = Selection switch
        {
            { Element: DefinitionElement.Status, Key: { } key } => Definition.RemoveStatus(key),
            { Element: DefinitionElement.Transition, Key: { } key } => Definition.RemoveTransition(key),
            { Element: DefinitionElement.Timer, Key: { } key } => Definition.RemoveTimer(key),
            _ => null,
        };
        return next is not null && Apply(next, DesignerSelection.Workflow);
    }

    /// <summary>
    /// Whether an element was added in this session. Keys of the others may be in running instances, history rows and
    /// scheduled timer jobs of published versions, so they stay (a status's only while transitions use it).
    /// </summary>
    public bool IsNew(DefinitionElement element, string key) => !baseline[element].Contains(key, StringComparer.Ordinal);

    /// <summary>Whether a status key may still change: a status added in this session, or one no transition uses yet.</summary>
    public bool CanRenameStatus(string key) =>
        IsNew(DefinitionElement.Status, key) || !Definition.Transitions.Any(t => t.To == key || t.From.Contains(key));

    /// <summary>Renames a status where <see cref="CanRenameStatus"/> allows it and the new key is valid and free.</summary>
    public bool RenameStatus(string key, string newKey)
    {
        if (key == newKey || !CanRenameStatus(key) || !DesignerKeys.IsValid(newKey) || Definition.FindStatus(newKey) is not null || Definition.FindStatus(key) is null)
        {
            return false;
        }

        return Apply(Definition.RenameStatus(key, newKey), DesignerSelection.Status(newKey));
    }

    /// <summary>Renames a transition added in this session when the new key is valid and free.</summary>
    public bool RenameTransition(string key, string newKey)
    {
        if (key == newKey || !IsNew(DefinitionElement.Transition, key) || !DesignerKeys.IsValid(newKey) || Definition.FindTransition(newKey) is not null || Definition.FindTransition(key) is null)
        {
            return false;
        }

        return Apply(Definition.RenameTransition(key, newKey), DesignerSelection.Transition(newKey));
    }

    /// <summary>Goes back one edit; false when there is none.</summary>
    public bool Undo()
    {
        if (undo.Last is not { } last)
        {
            return false;
        }

        undo.RemoveLast();
        redo.Push((Definition, Selection));
        Restore(last.Value);
        return true;
    }

    /// <summary>Goes forward one undone edit; false when there is none.</summary>
    public bool Redo()
    {
        if (!redo.TryPop(out var next))
        {
            return false;
        }

        undo.AddLast((Definition, Selection));
        Restore(next);
        return true;
    }

    private void Restore((WorkflowDefinition Definition, DesignerSelection Selection) state)
    {
        Definition = state.Definition;
        Invalidate();
        Select(state.Selection);
    }

    private void Invalidate()
    {
        report = null;
        issueKeys = null;
    }

    private bool Exists(DesignerSelection? selection) => selection switch
    {
        null => false,
        { Element: DefinitionElement.Status, Key: { } key } => Definition.FindStatus(key) is not null,
        { Element: DefinitionElement.Transition, Key: { } key } => Definition.FindTransition(key) is not null,
        { Element: DefinitionElement.Timer, Key: { } key } => Definition.FindTimer(key) is not null,
        { Element: DefinitionElement.Variable, Key: { } key } => Definition.FindVariable(key) is not null,
        _ => true,
    };
}

using System.Globalization;
using AfterSales.Modules.Forms;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Validation;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// Edits a workflow definition in the browser. It keeps its own <see cref="DesignerSession"/> (undo, selection,
/// validation) and reports every edit through <see cref="DefinitionChanged"/>; saving and publishing are the page's.
/// </summary>
public sealed partial class WorkflowDesigner
{
    private DesignerSession _session = default!;
    private WorkflowCanvas? _canvas;
    private IReadOnlyList<DesignerField>? _fieldsKnown;
    private WorkflowDefinition? _received;
    private DiagramDrawing? _drawing;

    [Inject] private DialogService Dialogs { get; set; } = default!;

    /// <summary>The definition to edit. Passing back what <see cref="DefinitionChanged"/> gave keeps the session; another definition starts a new one.</summary>
    [Parameter, EditorRequired] public WorkflowDefinition Definition { get; set; } = default!;

    /// <summary>Called with the definition after every edit, undo and redo.</summary>
    [Parameter] public EventCallback<WorkflowDefinition> DefinitionChanged { get; set; }

    /// <summary>The fields a transition form can require (built-ins such as <c>assigneeId</c> and the request's custom fields); also what the validator accepts as field keys.</summary>
    [Parameter] public IReadOnlyList<DesignerField> Fields { get; set; } = [];

    /// <summary>Shows the workflow without editing (published versions, history).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    private bool CanDelete => _session.Selection.Element is DefinitionElement.Status or DefinitionElement.Transition or DefinitionElement.Timer;

    private DiagramModel Diagram => (_drawing ??= new DiagramDrawing(W)).Of(_session.Definition, ReadOnly);

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // A new session only for a definition the page has not passed before and that is not the one edited here:
        // a page that binds the definition back, or keeps passing the one it loaded, keeps the edits and their undo.
        if (!ReferenceEquals(Definition, _received))
        {
            _received = Definition;
            if (_session is null || !ReferenceEquals(Definition, _session.Definition))
            {
                _session = new DesignerSession(Definition);
                _fieldsKnown = null;
            }
        }

        // Only a new list revalidates: the page re-renders the designer far more often than its fields change.
        if (!ReferenceEquals(_fieldsKnown, Fields))
        {
            _session.KnownFields = Fields.Count == 0 ? null : Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            _fieldsKnown = Fields;
        }
    }

    private async Task EditAsync(Func<bool> edit)
    {
        if (!ReadOnly && edit())
        {
            await DefinitionChanged.InvokeAsync(_session.Definition);
        }
    }

    private Task SelectAsync(DesignerSelection? selection)
    {
        _session.Select(selection);
        return Task.CompletedTask;
    }

    private async Task AddStatusAsync()
    {
        var at = _canvas is null ? new DiagramPosition(80, 80) : await _canvas.FreeSpotAsync();
        var name = new LocalizedText(W.WithCulture("zh-CN", "Designer.NewStatus"), W.WithCulture("en", "Designer.NewStatus"));
        await EditAsync(() => _session.AddStatus(name, at) is not null);
    }

    private Task ConnectAsync(StatusLink link) => EditAsync(() => _session.Connect(link.From, link.To) is not null);

    private Task MoveAsync(StatusMove move) => EditAsync(() => _session.Move(move.Key, move.X, move.Y));

    private Task ChangeStatusAsync(StatusDefinition status)
    {
        var next = _session.Definition.ReplaceStatus(status.Key, status);
        return EditAsync(() => _session.Apply(status.IsStart ? next.MakeStart(status.Key) : next));
    }

    private Task UndoAsync() => EditAsync(_session.Undo);

    private Task RedoAsync() => EditAsync(_session.Redo);

    private Task DeleteAsync() => DeleteAsync(_session.Selection);

    private async Task DeleteAsync(DesignerSelection selection)
    {
        if (ReadOnly || ConfirmationFor(selection) is not { } question)
        {
            return;
        }

        var confirmed = await Dialogs.Confirm(question, W["Designer.ConfirmDeleteTitle"],
            new ConfirmOptions { OkButtonText = W["Designer.Delete"], CancelButtonText = W["Designer.Cancel"] });
        if (confirmed == true)
        {
            _session.Select(selection);
            await EditAsync(_session.DeleteSelected);
        }
    }

    private string? ConfirmationFor(DesignerSelection selection)
    {
        var culture = CultureInfo.CurrentUICulture;
        var definition = _session.Definition;
        return selection switch
        {
            { Element: DefinitionElement.Status, Key: { } key } when definition.FindStatus(key) is { } status =>
                W["Designer.ConfirmDeleteStatus", status.Name.For(culture), definition.TransitionsOf(key).Count, definition.TimersOf(key).Count].Value,
            { Element: DefinitionElement.Transition, Key: { } key } when definition.FindTransition(key) is { } transition =>
                W["Designer.ConfirmDeleteTransition", transition.Label.For(culture)].Value,
            { Element: DefinitionElement.Timer, Key: { } key } when definition.FindTimer(key) is { } timer =>
                W["Designer.ConfirmDeleteTimer", timer.Name?.For(culture) ?? timer.Key].Value,
            _ => null,
        };
    }
}

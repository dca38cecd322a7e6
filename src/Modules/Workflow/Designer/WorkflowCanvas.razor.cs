using AfterSales.Workflows.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// The X6 diagram of a workflow, shared by the designer (editable) and the simulator (read-only, current status
/// marked). Each change of a parameter is sent once; gestures come back as events for the owner to turn into edits.
/// </summary>
public sealed partial class WorkflowCanvas
{
    private const string ModulePath = "_content/AfterSales.Modules/js/workflow-designer.js";

    private ElementReference _host;
    private IJSObjectReference? _module;
    private IJSObjectReference? _diagram;
    private DotNetObjectReference<WorkflowCanvas>? _self;
    private bool _failed;

    // What the diagram shows now, to send only what changed.
    private DiagramModel? _drawn;
    private IReadOnlySet<string>? _highlighted;
    private DesignerSelection? _selected;
    private (string? Status, IReadOnlyList<string>? Transitions) _current;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private ILogger<WorkflowCanvas> Logger { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>What to draw.</summary>
    [Parameter, EditorRequired] public DiagramModel Model { get; set; } = default!;

    /// <summary>Status and transition keys to outline as having validation issues.</summary>
    [Parameter] public IReadOnlySet<string> Issues { get; set; } = new HashSet<string>();

    /// <summary>The selected status or transition; anything else shows no selection.</summary>
    [Parameter] public DesignerSelection? Selection { get; set; }

    /// <summary>The simulator's current status, drawn filled.</summary>
    [Parameter] public string? CurrentStatus { get; set; }

    /// <summary>Transitions the simulator offers now, drawn highlighted from the current status.</summary>
    [Parameter] public IReadOnlyList<string> AvailableTransitions { get; set; } = [];

    /// <summary>A status or transition was clicked, or the background (null).</summary>
    [Parameter] public EventCallback<DesignerSelection?> SelectionChanged { get; set; }

    /// <summary>A status was dragged to a new place.</summary>
    [Parameter] public EventCallback<StatusMove> StatusMoved { get; set; }

    /// <summary>An arrow was drawn from one status to another.</summary>
    [Parameter] public EventCallback<StatusLink> ConnectRequested { get; set; }

    /// <summary>Delete was pressed with the diagram focused and something selected.</summary>
    [Parameter] public EventCallback DeleteRequested { get; set; }

    /// <summary>Ctrl+Z with the diagram focused.</summary>
    [Parameter] public EventCallback UndoRequested { get; set; }

    /// <summary>Ctrl+Y or Ctrl+Shift+Z with the diagram focused.</summary>
    [Parameter] public EventCallback RedoRequested { get; set; }

    /// <summary>Zooms by <paramref name="delta"/> (e.g. 0.1).</summary>
    public ValueTask ZoomAsync(double delta) => CallAsync("zoom", delta);

    /// <summary>Fits the whole workflow into view.</summary>
    public ValueTask FitAsync() => CallAsync("fit");

    /// <summary>The top-left corner for a new status: the free place nearest the middle of what is visible, in diagram units.</summary>
    public async ValueTask<AfterSales.Workflows.Definitions.DiagramPosition> FreeSpotAsync()
    {
        var centre = _diagram is null ? null : await _diagram.InvokeAsync<Point?>("freeSpot");
        return centre is null ? new(80, 80) : new(centre.X, centre.Y);
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                _self = DotNetObjectReference.Create(this);
                // Absolute: import() resolves a relative URL against blazor.web.js, not against the page's base.
                var url = new Uri(new Uri(Navigation.BaseUri), Assets[ModulePath]).ToString();
                _module = await JS.InvokeAsync<IJSObjectReference>("import", url);
                _diagram = await _module.InvokeAsync<IJSObjectReference>("create", _host, _self);
            }
            catch (JSException e)
            {
                // The bundle did not load (blocked or missing): say so instead of an empty box.
                Logger.LogWarning(e, "The workflow diagram script did not load.");
                _failed = true;
                StateHasChanged();
                return;
            }
        }

        if (_diagram is null)
        {
            return;
        }

        var firstDrawing = _drawn is null;
        await SyncAsync();
        if (firstDrawing)
        {
            await _diagram.InvokeVoidAsync("overview");
        }
    }

    /// <summary>Called by the diagram when a status or transition is clicked.</summary>
    [JSInvokable]
    public Task OnSelected(string? kind, string? key)
    {
        _selected = kind switch
        {
            "status" when key is not null => DesignerSelection.Status(key),
            "transition" when key is not null => DesignerSelection.Transition(key),
            _ => null,
        };
        return SelectionChanged.InvokeAsync(_selected);
    }

    /// <summary>Called by the diagram when a status was dropped at a new place.</summary>
    [JSInvokable]
    public Task OnStatusMoved(string key, double x, double y) => StatusMoved.InvokeAsync(new StatusMove(key, x, y));

    /// <summary>Called by the diagram when an arrow was drawn between two statuses.</summary>
    [JSInvokable]
    public Task OnConnectRequested(string from, string to) => ConnectRequested.InvokeAsync(new StatusLink(from, to));

    /// <summary>Called by the diagram on Delete.</summary>
    [JSInvokable]
    public Task OnDeleteRequested() => DeleteRequested.InvokeAsync();

    /// <summary>Called by the diagram on Ctrl+Z.</summary>
    [JSInvokable]
    public Task OnUndoRequested() => UndoRequested.InvokeAsync();

    /// <summary>Called by the diagram on Ctrl+Y or Ctrl+Shift+Z.</summary>
    [JSInvokable]
    public Task OnRedoRequested() => RedoRequested.InvokeAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_diagram is not null)
            {
                await _diagram.InvokeVoidAsync("dispose");
                await _diagram.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser with it: nothing left to dispose there.
        }

        _self?.Dispose();
    }

    private async Task SyncAsync()
    {
        if (!ReferenceEquals(_drawn, Model))
        {
            await _diagram!.InvokeVoidAsync("render", Model);
            _drawn = Model;
        }

        if (!ReferenceEquals(_highlighted, Issues))
        {
            await _diagram!.InvokeVoidAsync("highlight", Issues);
            _highlighted = Issues;
        }

        var selection = Selection is { IsOnDiagram: true } ? Selection : null;
        if (selection != _selected)
        {
            await _diagram!.InvokeVoidAsync("select", selection is null ? null : new { kind = selection.Element == DefinitionElement.Status ? "status" : "transition", key = selection.Key });
            _selected = selection;
        }

        if (_current.Status != CurrentStatus || !ReferenceEquals(_current.Transitions, AvailableTransitions))
        {
            await _diagram!.InvokeVoidAsync("showCurrent", CurrentStatus, AvailableTransitions);
            _current = (CurrentStatus, AvailableTransitions);
        }
    }

    private ValueTask CallAsync(string method, params object?[] args) =>
        _diagram is null ? ValueTask.CompletedTask : _diagram.InvokeVoidAsync(method, args);

    private sealed record Point(double X, double Y);
}

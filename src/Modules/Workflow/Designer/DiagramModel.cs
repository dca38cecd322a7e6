using System.Globalization;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// What the diagram draws, already in the reader's language: the JavaScript side only lays it out and never learns
/// what a status or transition means.
/// </summary>
/// <param name="Statuses">One node per status.</param>
/// <param name="Edges">One arrow per source of each transition.</param>
/// <param name="ReadOnly">Whether nodes may be moved and connected.</param>
public sealed record DiagramModel(IReadOnlyList<DiagramStatus> Statuses, IReadOnlyList<DiagramEdge> Edges, bool ReadOnly)
{
    // Where statuses without a saved position go: a grid as wide as the default workflows' rows.
    private const int Columns = 5;

    /// <summary>The drawing of <paramref name="definition"/> in <paramref name="culture"/>.</summary>
    /// <param name="definition">The workflow.</param>
    /// <param name="culture">Language of names and labels.</param>
    /// <param name="categoryName">The localised name of a status category.</param>
    /// <param name="timersHint">The tooltip of a status's clock badge, from the names of the timers it arms.</param>
    /// <param name="readOnly">Whether editing gestures are off.</param>
    public static DiagramModel Of(WorkflowDefinition definition, CultureInfo culture, Func<StatusCategory, string> categoryName,
        Func<IReadOnlyList<string>, string> timersHint, bool readOnly)
    {
        var statuses = definition.Statuses.Select((s, i) =>
        {
            var timers = definition.TimersOf(s.Key).Select(t => t.Name?.For(culture) ?? t.Key).ToList();
            var at = s.Position ?? new DiagramPosition(80 + i % Columns * 240, 80 + i / Columns * 160);
            return new DiagramStatus(s.Key, s.Name.For(culture), categoryName(s.Category), s.Color, at.X, at.Y, s.IsStart, timers.Count > 0 ? timersHint(timers) : null);
        }).ToList();
        var edges = definition.Transitions
            .Where(t => definition.FindStatus(t.To) is not null)
            .SelectMany(t => t.From.Distinct().Where(f => definition.FindStatus(f) is not null)
                .Select(f => new DiagramEdge(EdgeId(t.Key, f), t.Key, f, t.To, t.Label.For(culture), t.Trigger == TransitionTrigger.Automatic)))
            .ToList();
        return new DiagramModel(statuses, edges, readOnly);
    }

    /// <summary>The id of the arrow from <paramref name="from"/> of transition <paramref name="transitionKey"/>; keys cannot contain ':'.</summary>
    public static string EdgeId(string transitionKey, string from) => $"e:{transitionKey}:{from}";
}

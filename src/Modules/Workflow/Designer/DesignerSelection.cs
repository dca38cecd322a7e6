using AfterSales.Workflows.Validation;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>What the side panel edits: a status, a transition, a timer, or (with no key) the workflow itself.</summary>
/// <param name="Element">The kind of element, as validation issues name it.</param>
/// <param name="Key">The element's key; null for the workflow.</param>
public sealed record DesignerSelection(DefinitionElement Element, string? Key)
{
    /// <summary>The workflow as a whole: its name, timers, variables and SLA clocks.</summary>
    public static DesignerSelection Workflow { get; } = new(DefinitionElement.Definition, null);

    /// <summary>A status.</summary>
    public static DesignerSelection Status(string key) => new(DefinitionElement.Status, key);

    /// <summary>A transition.</summary>
    public static DesignerSelection Transition(string key) => new(DefinitionElement.Transition, key);

    /// <summary>Whether it is drawn on the diagram (statuses and transitions are; the rest live in the workflow panel).</summary>
    public bool IsOnDiagram => Element is DefinitionElement.Status or DefinitionElement.Transition;
}

namespace AfterSales.Workflows.Validation;

/// <summary>The kind of definition element a validation issue points at, so the designer can highlight it.</summary>
public enum DefinitionElement
{
    /// <summary>The definition as a whole.</summary>
    Definition,

    /// <summary>A status (node).</summary>
    Status,

    /// <summary>A transition (edge).</summary>
    Transition,

    /// <summary>A timer.</summary>
    Timer,

    /// <summary>A variable.</summary>
    Variable,

    /// <summary>An SLA clock.</summary>
    SlaClock,
}

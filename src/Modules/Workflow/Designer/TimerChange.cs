using AfterSales.Workflows.Definitions;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>A timer edited in the timers list.</summary>
/// <param name="Key">Its key before the edit.</param>
/// <param name="Timer">The edited timer, possibly with a new key.</param>
public sealed record TimerChange(string Key, TimerDefinition Timer);

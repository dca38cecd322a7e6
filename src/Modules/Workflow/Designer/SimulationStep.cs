using AfterSales.Workflows.Runtime;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>One step of a simulation: the history entry the host would append, and the actions it would run.</summary>
/// <param name="History">What changed.</param>
/// <param name="Actions">Every action, in order, including those the simulator only lists (notifications, webhooks…).</param>
public sealed record SimulationStep(HistoryEntry History, IReadOnlyList<ActionStep> Actions);

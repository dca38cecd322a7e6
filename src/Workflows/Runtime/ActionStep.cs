using AfterSales.Workflows.Actions;

namespace AfterSales.Workflows.Runtime;

/// <summary>One action for the host to run, in order, with where it came from.</summary>
/// <param name="Action">The action.</param>
/// <param name="Origin">Exit, transition, entry or timer.</param>
/// <param name="ElementKey">Status, transition or timer key it belongs to.</param>
public sealed record ActionStep(WorkflowAction Action, ActionOrigin Origin, string ElementKey);

using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Runtime;

/// <summary>A transition the user may fire now, with what its form must contain.</summary>
/// <param name="Key">Transition key.</param>
/// <param name="Label">Button label.</param>
/// <param name="To">Target status key.</param>
/// <param name="RequiredFields">Field keys the transition form must fill.</param>
public sealed record AvailableTransition(string Key, LocalizedText Label, string To, IReadOnlyList<string> RequiredFields);

using AfterSales.Workflows.Sla;

namespace AfterSales.Workflows.Definitions;

/// <summary>
/// Which statuses stop an SLA clock. Every clock starts with the instance, pauses in
/// <see cref="StatusCategory.Waiting"/> statuses and stops in <see cref="StatusCategory.Done"/> ones; its target comes
/// from the tenant's <see cref="SlaPolicy"/> for the request's service type and priority.
/// </summary>
public sealed record SlaClockDefinition
{
    /// <summary>The clock.</summary>
    public required SlaClockKind Clock { get; init; }

    /// <summary>Entering any of these statuses meets the clock.</summary>
    public required IReadOnlyList<string> StopsIn { get; init; }
}

namespace AfterSales.Workflows.Sla;

/// <summary>A tenant's SLA promises per service type and priority.</summary>
public sealed record SlaPolicy
{
    /// <summary>Policy key, for the history when a policy change retargets open requests.</summary>
    public required string Key { get; init; }

    /// <summary>Targets; the most specific match (type and priority, then type, then priority, then neither) wins per clock.</summary>
    public IReadOnlyList<SlaTarget> Targets { get; init; } = [];

    /// <summary>The business-time budget of each clock for a request of <paramref name="serviceType"/> and <paramref name="priority"/>.</summary>
    public IReadOnlyDictionary<SlaClockKind, TimeSpan> TargetsFor(string? serviceType, string? priority) =>
        Targets.Where(t => t.Matches(serviceType, priority))
            .GroupBy(t => t.Clock)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Specificity).First().Duration);
}

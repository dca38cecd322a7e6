namespace AfterSales.Workflows.Sla;

/// <summary>One promise of an SLA policy: a clock's business-time budget for a service type and priority.</summary>
public sealed record SlaTarget
{
    /// <summary>Service type code, or null for every type.</summary>
    public string? ServiceType { get; init; }

    /// <summary>Priority, or null for every priority.</summary>
    public string? Priority { get; init; }

    /// <summary>The clock.</summary>
    public required SlaClockKind Clock { get; init; }

    /// <summary>Business time allowed.</summary>
    public required TimeSpan Duration { get; init; }

    internal int Specificity => (ServiceType is null ? 0 : 2) + (Priority is null ? 0 : 1);

    internal bool Matches(string? serviceType, string? priority) =>
        (ServiceType is null || string.Equals(ServiceType, serviceType, StringComparison.OrdinalIgnoreCase)) &&
        (Priority is null || string.Equals(Priority, priority, StringComparison.OrdinalIgnoreCase));
}

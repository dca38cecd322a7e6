using AfterSales.Workflows.Sla;

namespace AfterSales.Workflows.Runtime;

/// <summary>Everything outside the instance that a decision depends on, supplied by the host (or the simulator) per call.</summary>
public sealed record WorkflowContext
{
    /// <summary>Who acts.</summary>
    public required WorkflowActor Actor { get; init; }

    /// <summary>The request as it is now.</summary>
    public RequestSnapshot Request { get; init; } = RequestSnapshot.Empty;

    /// <summary>The tenant's business hours, for SLA clocks and business-time timers.</summary>
    public BusinessCalendar Calendar { get; init; } = BusinessCalendar.AlwaysOpen;

    /// <summary>SLA targets; read when an instance starts.</summary>
    public SlaPolicy? SlaPolicy { get; init; }

    /// <summary>A context for <paramref name="actor"/> on <paramref name="request"/>.</summary>
    public static WorkflowContext For(WorkflowActor actor, RequestSnapshot? request = null) =>
        new() { Actor = actor, Request = request ?? RequestSnapshot.Empty };
}

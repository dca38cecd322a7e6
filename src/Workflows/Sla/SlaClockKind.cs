namespace AfterSales.Workflows.Sla;

/// <summary>The service-level promises tracked per request.</summary>
public enum SlaClockKind
{
    /// <summary>Time until someone first reacts to the request.</summary>
    FirstResponse,

    /// <summary>Time until an engineer is assigned.</summary>
    Assignment,

    /// <summary>Time until the problem is solved.</summary>
    Resolution,
}

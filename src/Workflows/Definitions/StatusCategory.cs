namespace AfterSales.Workflows.Definitions;

/// <summary>
/// What a status means to the platform, whatever the tenant calls it: boards group by it, SLA clocks pause in
/// <see cref="Waiting"/>, and <see cref="Done"/> ends the instance's timers and clocks.
/// </summary>
public enum StatusCategory
{
    /// <summary>Not yet picked up.</summary>
    New,

    /// <summary>Someone on the tenant's side is working on it.</summary>
    InProgress,

    /// <summary>Waiting for the customer, a carrier or a third party; SLA clocks pause here.</summary>
    Waiting,

    /// <summary>Finished (closed or cancelled).</summary>
    Done,
}

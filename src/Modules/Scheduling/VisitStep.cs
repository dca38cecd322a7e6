namespace AfterSales.Modules.Scheduling;

/// <summary>The engineer's steps on a visit, in the order they are taken.</summary>
public enum VisitStep
{
    /// <summary>接单: the engineer takes the visit on.</summary>
    Accept = 0,

    /// <summary>出发: on the way to the customer.</summary>
    Depart = 1,

    /// <summary>到达: on site.</summary>
    Arrive = 2,

    /// <summary>完成: the visit is over; the work report follows on the request.</summary>
    Finish = 3,
}

using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Visits;

/// <summary>
/// A return visit (回访) of a request: the call (or the customer's own answer through a link) that decides whether the request
/// is closed or goes back to assignment. Created pending by the workflow's "create return visit" action, answered once.
/// </summary>
public class ReturnVisit : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid ServiceRequestId { get; set; }

    /// <summary>The nth return visit of the request: a reopened request is visited again after the next repair.</summary>
    public int Attempt { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public ReturnVisitStatus Status { get; set; }

    /// <summary>How the answers came in; null while pending.</summary>
    public ReturnVisitChannel? Channel { get; set; }
    public bool? Solved { get; set; }
    public bool? Overcharged { get; set; }

    /// <summary>1 (very unhappy) to 5 (very happy).</summary>
    public int? Satisfaction { get; set; }
    public string? Comment { get; set; }

    /// <summary>Whether the answers closed the request (true) or sent it back to assignment (false), as the rule judged them.</summary>
    public bool? Satisfied { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    public string? RecordedBy { get; set; }

    /// <summary>Changes when the visit is answered, so a phone call and the customer's link answering at once cannot both win.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

public enum ReturnVisitStatus
{
    Pending = 0,
    Done = 1,

    /// <summary>Dropped without answers by the service desk: the customer could not be reached or would not answer.</summary>
    Cancelled = 2,
}

public enum ReturnVisitChannel
{
    Phone = 0,
    CustomerLink = 1,
}

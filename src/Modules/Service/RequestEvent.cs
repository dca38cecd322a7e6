using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>One line of a request's timeline: its creation, a status change, an assignment, a comment or an attachment, with who and when.</summary>
public class RequestEvent : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid ServiceRequestId { get; set; }
    public DateTimeOffset At { get; set; }
    public RequestEventKind Kind { get; set; }
    public string? ByUserId { get; set; }
    public string? By { get; set; }
    public RequestStatus? FromStatus { get; set; }
    public RequestStatus? ToStatus { get; set; }

    /// <summary>A comment's text, an assignee's name, a transition's reason, an attachment's file name.</summary>
    public string? Text { get; set; }

    /// <summary>Shown to the customer on the portal; internal notes are not.</summary>
    public bool IsPublic { get; set; }
}

public enum RequestEventKind
{
    Created = 0,
    StatusChanged = 1,
    Assigned = 2,
    Comment = 3,
    AttachmentAdded = 4,
    AttachmentRemoved = 5,

    /// <summary>Custom fields edited; the text lists each change.</summary>
    FieldsChanged = 10,
}

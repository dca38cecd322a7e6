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
    /// <summary>Status keys; their names come from the workflow version the request ran on then.</summary>
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }

    /// <summary>The transition's form as the user filled it in, one "label: value" per line.</summary>
    public string? Details { get; set; }

    public const int DetailsLength = 4000;

    /// <summary>A line of <paramref name="requestId"/>'s timeline by <paramref name="actor"/>.</summary>
    public static RequestEvent Of(RequestActor actor, Guid requestId, DateTimeOffset at, RequestEventKind kind, string? text) => new()
    {
        ServiceRequestId = requestId, At = at, Kind = kind, ByUserId = actor.UserId, By = actor.Name, Text = text,
    };

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

    /// <summary>A workflow timer fired (requested date missed, SLA breached, return visit due); the text names it.</summary>
    TimerFired = 11,

    /// <summary>Locked for the service manager; the text gives the reason.</summary>
    Locked = 12,

    /// <summary>A return visit to make; the text says from which step.</summary>
    ReturnVisitDue = 13,

    /// <summary>The assignee gave the request back; the text is their reason.</summary>
    Declined = 14,

    /// <summary>A visit agreed, moved or called off, or a step of it (accepted, set off, arrived, finished); the text names which, the details give the window or reason.</summary>
    Appointment = 15,

    /// <summary>A spare part moved (applied for, approved, shipped…); the text is the movement and the part request's number, read by an <see cref="IRequestEventText"/>.</summary>
    PartMoved = 20,
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>
/// A service request (服务请求/工单): what the customer asked for, about which unit, and where it stands. The unit's model,
/// warranty and agreement are copied in when the request is taken, as they were then.
/// </summary>
public class ServiceRequest : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>SR-yyyyMMdd-nnnn, by the tenant's calendar; unique within the tenant and without gaps.</summary>
    public string Number { get; set; } = "";
    public Guid ServiceTypeId { get; set; }
    public ServiceType? ServiceType { get; set; }
    public Guid? CustomerId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public Guid? SerialNumberId { get; set; }
    public string? SerialNumber { get; set; }
    public string? ModelCode { get; set; }
    public string? WarrantyState { get; set; }
    public DateOnly? WarrantyEnd { get; set; }
    public string? AgreementNumber { get; set; }
    public string Channel { get; set; } = RequestChannels.Phone;
    public RequestPriority Priority { get; set; } = RequestPriority.Normal;

    /// <summary>The date the customer asked for; unassigned by then, the request is locked for the service manager.</summary>
    public DateOnly? RequestedDate { get; set; }
    /// <summary>The fault or complaint category (a <see cref="DictionaryEntry"/>) the problem is filed under.</summary>
    public Guid? CategoryId { get; set; }
    public string Subject { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The version of the type's form the request was taken with; its custom fields are shown and edited by that version.</summary>
    public Guid? FormVersionId { get; set; }
    public RequestStatus Status { get; set; } = RequestStatus.WaitingForAssignment;
    public string? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }

    /// <summary>Visits that did not solve it; after two the request is locked for the service manager.</summary>
    public int FailedAttempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the type's SLA runs out; null without an SLA.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Changes on every save: SQLite has no rowversion, and this works on every provider.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Number;

    public bool IsOpen => Status is not (RequestStatus.Closed or RequestStatus.Cancelled);
}

/// <summary>The closed loop of seed 001: waiting → assigned → processed → return visit → closed, with hold and lock.</summary>
public enum RequestStatus
{
    WaitingForAssignment = 0,
    OnHold = 1,
    Assigned = 2,
    Processed = 3,
    ReturnVisit = 4,
    Closed = 5,
    Locked = 6,
    Cancelled = 7,
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;
using AfterSales.Workflows.Definitions;

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

    /// <summary>The key of the status in the request's workflow (kept in step with its workflow instance, for lists and filters).</summary>
    public string Status { get; set; } = RequestStatuses.WaitingForAssignment;

    /// <summary>The status's category, so "open", "waiting" and "done" mean the same across the tenant's workflows.</summary>
    public StatusCategory StatusCategory { get; set; }

    /// <summary>Locked for the service manager (missed requested date, attempts exhausted) until a manager releases it.</summary>
    public bool IsLocked { get; set; }

    /// <summary>The workflow and version the request runs on (its instance pins them; copied here to name its status in lists).</summary>
    public string WorkflowKey { get; set; } = "";
    public int WorkflowVersion { get; set; }
    public string? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }

    /// <summary>Attempts that did not solve it, as the workflow counts them (seed 001 locks the request after two).</summary>
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

    public bool IsOpen => StatusCategory != StatusCategory.Done;
}

/// <summary>
/// The status keys of the default workflows (seed 001's closed loop). A tenant's own workflows add their own keys; code
/// that must recognise a status by meaning uses <see cref="StatusCategory"/> or <see cref="ServiceRequest.IsLocked"/> instead.
/// </summary>
public static class RequestStatuses
{
    public const string WaitingForAssignment = "WaitingForAssignment";
    public const string OnHold = "OnHold";
    public const string Assigned = "Assigned";
    public const string Processed = "Processed";
    public const string ReturnVisit = "ReturnVisit";
    public const string Closed = "Closed";
    public const string Locked = "Locked";
    public const string Cancelled = "Cancelled";
}

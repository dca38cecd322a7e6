using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// One line of a customer's care ledger: a gift handed over or points granted (or redeemed, as a negative amount), kept so staff
/// see what a customer already received before offering more.
/// </summary>
public class CareEntry : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid CustomerId { get; set; }

    /// <summary>The tenant's calendar day it was given.</summary>
    public DateOnly Date { get; set; }
    public CareEntryKind Kind { get; set; }

    /// <summary>What the gift was, or why the points were granted.</summary>
    public string Description { get; set; } = "";

    /// <summary>Points granted (positive) or redeemed (negative); null for a gift.</summary>
    public int? Points { get; set; }
    public string? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    string IAuditable.AuditKey => $"{Date:yyyy-MM-dd} {Kind}";
}

public enum CareEntryKind
{
    Gift = 0,
    Points = 1,
}

/// <summary>
/// A call staff owe a customer: opened by a follow-up rule (days after a request closed or a unit was bought) or by hand from the
/// customer page, and closed with what the customer said.
/// </summary>
public class FollowUpTask : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid CustomerId { get; set; }
    public Guid? SerialNumberId { get; set; }
    public Guid? ServiceRequestId { get; set; }

    /// <summary>The rule that opened it; null for one opened by hand.</summary>
    public Guid? RuleId { get; set; }
    public string Subject { get; set; } = "";
    public DateOnly DueDate { get; set; }

    /// <summary>Who is to call: a user, or anyone of a role; both null means anyone at the service desk.</summary>
    public string? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }
    public string? AssigneeRole { get; set; }
    public bool IsDone { get; set; }

    /// <summary>What the customer said, written when it is marked done (or before, as a reminder to oneself).</summary>
    public string? Notes { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Subject;
}

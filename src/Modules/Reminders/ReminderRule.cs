using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// A reminder the tenant admin set up: which event it counts down to, how many days before, who hears of it and how, in
/// which words, and when not to disturb them.
/// </summary>
public class ReminderRule : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public ReminderKind Kind { get; set; } = ReminderKind.WarrantyExpiry;

    /// <summary>
    /// Comma-separated and descending ("30,7"), one reminder per offset, in the unit of the kind: days before a warranty end,
    /// hours before or after a request's deadline, days a request has waited on its customer.
    /// </summary>
    public string OffsetDays { get; set; } = "";

    /// <summary>The unit's owner by e-mail.</summary>
    public bool ToCustomer { get; set; }

    /// <summary>A request's assignee (request reminders only), on the channels chosen.</summary>
    public bool ToAssignee { get; set; }

    /// <summary>Every staff member with this role, on the channels chosen; null for none.</summary>
    public string? StaffRole { get; set; }
    public ReminderChannels Channels { get; set; } = ReminderChannels.Email;

    /// <summary>The group robot (a WeCom, DingTalk or Feishu endpoint of the Webhooks page) the robot channel posts to.</summary>
    public Guid? RobotEndpointId { get; set; }
    public string SubjectZh { get; set; } = "";
    public string SubjectEn { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string BodyEn { get; set; } = "";

    /// <summary>Local times of the tenant's zone; both or neither. A reminder due between them waits until they end.</summary>
    public TimeOnly? QuietFrom { get; set; }
    public TimeOnly? QuietUntil { get; set; }
    public bool IsEnabled { get; set; } = true;

    /// <summary>The product models a maintenance plan or consumable rule covers; empty for a consumable rule means every model.</summary>
    public List<Guid> ProductModelIds { get; set; } = [];

    /// <summary>A maintenance plan's visit every so many months from the unit's warranty start (its purchase date without one).</summary>
    public int? IntervalMonths { get; set; }

    /// <summary>What a maintenance plan does when a visit comes due.</summary>
    public MaintenanceAction Action { get; set; }

    /// <summary>The service type of the planned requests a maintenance plan creates.</summary>
    public Guid? ServiceTypeId { get; set; }

    /// <summary>
    /// The tenant's day the planner last looked ahead for this rule: planning once a day is enough, since a unit's dates
    /// changed in between are caught when its reminder comes due. Saving the rule clears it.
    /// </summary>
    public DateOnly? PlannedOn { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Name;

    public IReadOnlyList<int> Offsets => ReminderKinds.ParseOffsets(Kind, OffsetDays) ?? [];

    public QuietHours? Quiet => QuietFrom is { } from && QuietUntil is { } until ? new QuietHours(from, until) : null;
}

/// <summary>What a reminder counts down to. Unit kinds are planned by the day, request kinds by the hour.</summary>
public enum ReminderKind
{
    WarrantyExpiry = 0,

    /// <summary>Hours before an open request's SLA deadline (its requested date's end when it has no SLA).</summary>
    RequestDueSoon = 10,

    /// <summary>Hours after an open request's deadline passed (0: at the deadline).</summary>
    RequestOverdue = 11,

    /// <summary>Days a request has waited on its customer (a status of the waiting category, where the SLA pauses).</summary>
    RequestNoResponse = 12,

    /// <summary>Days before a maintenance visit of a unit of the plan's models, while under warranty or a service agreement.</summary>
    MaintenancePlan = 20,

    /// <summary>Days before a consumable of the unit's model is due for replacement.</summary>
    ConsumableReplacement = 21,

    /// <summary>Days before a customer's birthday (0: on the day), once a year.</summary>
    Birthday = 30,

    /// <summary>Days before the anniversary of a unit's purchase (its warranty start without one), once a year from the first.</summary>
    PurchaseAnniversary = 31,

    /// <summary>Days after a request was closed: a follow-up call for staff, as a task.</summary>
    FollowUpAfterClose = 32,

    /// <summary>Days after a unit was bought: a follow-up call for staff, as a task.</summary>
    FollowUpAfterPurchase = 33,
}

public enum MaintenanceAction
{
    /// <summary>Tell the audience on the rule's channels.</summary>
    Remind = 0,

    /// <summary>Open a planned service request for the unit and its customer.</summary>
    CreateRequest = 1,
}

[Flags]
public enum ReminderChannels
{
    None = 0,
    InApp = 1,
    Email = 2,

    /// <summary>A text message to the customer's phone through the configured SMS provider.</summary>
    Sms = 4,

    /// <summary>A message to the rule's group robot (WeCom, DingTalk, Feishu), signed as its platform requires.</summary>
    Robot = 8,
}

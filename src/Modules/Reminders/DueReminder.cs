using AfterSales.Modules.Notifications;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// One reminder of a rule for one unit on one day, planned ahead so the scan reads an index by time instead of recomputing
/// every unit, and unique per (rule, unit, day) so it is sent at most once.
/// </summary>
public class DueReminder : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid RuleId { get; set; }
    public Guid SerialNumberId { get; set; }
    public int OffsetDays { get; set; }

    /// <summary>The tenant's calendar day it is due: the warranty end minus the offset.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>UTC; the start of <see cref="DueDate"/> in the tenant's zone, moved past the rule's quiet hours.</summary>
    public DateTimeOffset DueAt { get; set; }
    public DueReminderState State { get; set; }

    /// <summary>Why it was cancelled, or what went wrong while sending (a text key of ReminderText).</summary>
    public string? Note { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The first outbox row it wrote; the notifications log shows what became of it.</summary>
    public long? OutboxMessageId { get; set; }
    public OutboxMessage? OutboxMessage { get; set; }

    /// <summary>Two scans sending the same row: the second one's save fails on it, with its outbox rows.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

public enum DueReminderState
{
    Pending = 0,
    Sent = 1,
    Cancelled = 2,
}

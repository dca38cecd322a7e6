using AfterSales.Modules.Notifications;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// One reminder of a rule for one unit on one day, or for one request and one deadline (or waiting spell), planned ahead so the
/// scan reads an index by time instead of recomputing every unit, and unique per (rule, unit, day) or (rule, request, offset,
/// basis) so it is sent at most once.
/// </summary>
public class DueReminder : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid RuleId { get; set; }
    /// <summary>The unit of a unit kind's reminder; null for a request's.</summary>
    public Guid? SerialNumberId { get; set; }

    /// <summary>The customer of a birthday greeting; null for the other kinds.</summary>
    public Guid? CustomerId { get; set; }

    /// <summary>The request of a request kind's reminder; null for a unit's.</summary>
    public Guid? ServiceRequestId { get; set; }

    /// <summary>
    /// The consumable of the unit a replacement reminder is about; <see cref="Guid.Empty"/> for reminders about the unit as a
    /// whole. Not null, so it takes part in the unique key (a null would make every row distinct to it).
    /// </summary>
    public Guid ConsumableId { get; set; }

    /// <summary>
    /// The planned service request a maintenance plan opened for this visit. No foreign key: a second path from requests to
    /// reminders would be a second cascade SQL Server refuses, and a deleted request only leaves the visit counted as not done.
    /// </summary>
    public Guid? CreatedRequestId { get; set; }

    /// <summary>The offset it was planned for, in the unit of its rule's kind (days or hours).</summary>
    public int OffsetDays { get; set; }

    /// <summary>
    /// What a request reminder counts from: the deadline, or when the request began waiting on its customer. A request that
    /// moved on has another basis (or none), so the reminder no longer holds and is cancelled.
    /// </summary>
    public DateTimeOffset? BasisAt { get; set; }

    /// <summary>
    /// The tenant's calendar day it is due: the warranty end, maintenance visit or consumable's replacement day minus the offset;
    /// a request reminder's due day.
    /// </summary>
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

    /// <summary>Calls it off with <paramref name="note"/>; the new stamp makes a scan sending it at the same moment fail.</summary>
    public void Cancel(string note)
    {
        State = DueReminderState.Cancelled;
        Note = note;
        ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>
    /// Saves what a planner added: false when another planner (a second replica, "run now") planned the same rows meanwhile,
    /// whose rows then stand. The tracker is cleared either way, so the planner's next chunk starts empty.
    /// </summary>
    public static async Task<bool> SavePlannedAsync(IRemindersDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// As <see cref="SavePlannedAsync(IRemindersDb, CancellationToken)"/>, with <paramref name="added"/> (not tracked) written in bulk
    /// in the same transaction: a planner adds thousands of rows per tenant, and one INSERT per row was most of the daily scan's time.
    /// The caller has asked <see cref="Shared.IPlanAllowance.AcceptsWritesAsync"/>, as the bulk insert passes the save hooks.
    /// <paramref name="alsoWrite"/> runs last in the same transaction: a run's closing write costs no commit of its own.
    /// </summary>
    public static async Task<bool> SavePlannedAsync(IRemindersDb db, IReadOnlyCollection<DueReminder> added, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? alsoWrite = null)
    {
        if (added.Count == 0 && alsoWrite is null)
        {
            return await SavePlannedAsync(db, cancellationToken);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.BulkInsertAsync(added, cancellationToken);
            if (alsoWrite is not null)
            {
                await alsoWrite(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            // A unique index: another planner wrote these rows first.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

public enum DueReminderState
{
    Pending = 0,
    Sent = 1,
    Cancelled = 2,
}

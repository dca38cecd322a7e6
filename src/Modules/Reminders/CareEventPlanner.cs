using AfterSales.Modules.Service;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// Plans the current tenant's greetings (birthdays, purchase anniversaries) and follow-up calls. What the rule should have within
/// the planning window is worked out afresh from the customers, units and closed requests; the rule's rows in that window that no
/// longer match are cancelled and the missing ones added. A row is unique per customer (or unit, or request and closing) and day,
/// so each greeting is sent and each task opened once a year at most, however often this runs.
/// </summary>
public static class CareEventPlanner
{
    public const string NoteChanged = "Reminders.Note.CareEventChanged";

    /// <summary>Plans one enabled greeting or follow-up rule; returns how many reminders were added.</summary>
    public static async Task<int> PlanAsync(IRemindersDb db, ReminderRule rule, DateOnly today, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<Planned>();
        var offsets = rule.Offsets;
        if (offsets.Count > 0)
        {
            await WantedAsync(db, rule, offsets, today, now, zone, wanted, cancellationToken);
        }

        var from = today.AddDays(-ReminderSchedule.CatchUpDays);
        var existing = await db.DueReminders.Where(r => r.RuleId == rule.Id && r.DueDate >= from).ToListAsync(cancellationToken);
        var known = new HashSet<Planned>();
        foreach (var reminder in existing)
        {
            var key = KeyOf(reminder);
            known.Add(key);
            if (reminder.State != DueReminderState.Pending)
            {
                continue;
            }

            if (!offsets.Contains(reminder.OffsetDays))
            {
                reminder.Cancel(ReminderPlanner.NoteRuleChanged);
            }
            else if (!wanted.Contains(key))
            {
                // A birthday corrected, a unit sold on, a request reopened: the reminder no longer holds.
                reminder.Cancel(NoteChanged);
            }
            else if (ReminderSchedule.DueAt(reminder.DueDate, zone, rule.Quiet) is var dueAt && dueAt > reminder.DueAt)
            {
                reminder.DueAt = dueAt;
            }
        }

        var added = 0;
        foreach (var due in wanted.Where(w => !known.Contains(w)))
        {
            db.DueReminders.Add(new DueReminder
            {
                RuleId = rule.Id, CustomerId = due.CustomerId, SerialNumberId = due.UnitId, ServiceRequestId = due.RequestId, OffsetDays = due.Offset,
                DueDate = due.DueDate, BasisAt = due.BasisAt, DueAt = ReminderSchedule.DueAt(due.DueDate, zone, rule.Quiet),
            });
            added++;
        }

        return await DueReminder.SavePlannedAsync(db, cancellationToken) ? added : 0;
    }

    /// <summary>Whether a pending reminder of the rule still holds on <paramref name="today"/>: the sender asks before sending.</summary>
    public static bool Holds(ReminderRule rule, DueReminder reminder, Customers.Customer? customer, Products.SerialNumber? unit, ServiceRequest? request,
        TimeZoneInfo zone)
    {
        switch (rule.Kind)
        {
            case ReminderKind.Birthday:
                return customer?.Birthday is { } birthday && CareEvents.Occurrence(birthday, reminder.DueDate.AddDays(reminder.OffsetDays).Year) == reminder.DueDate.AddDays(reminder.OffsetDays);
            case ReminderKind.PurchaseAnniversary:
                var day = reminder.DueDate.AddDays(reminder.OffsetDays);
                return unit?.CustomerId is not null && CareEvents.Bought(unit.PurchaseDate, unit.WarrantyStart) is { } bought && day.Year > bought.Year
                       && CareEvents.Occurrence(bought, day.Year) == day;
            case ReminderKind.FollowUpAfterPurchase:
                return unit?.CustomerId is not null && CareEvents.Bought(unit.PurchaseDate, unit.WarrantyStart)?.AddDays(reminder.OffsetDays) == reminder.DueDate;
            case ReminderKind.FollowUpAfterClose:
                return request is { StatusCategory: AfterSales.Workflows.Definitions.StatusCategory.Done, ClosedAt: { } closed, CustomerId: not null } && closed == reminder.BasisAt
                       && CareEvents.LocalDay(closed, zone).AddDays(reminder.OffsetDays) == reminder.DueDate;
            default:
                return false;
        }
    }

    private static async Task WantedAsync(IRemindersDb db, ReminderRule rule, IReadOnlyList<int> offsets, DateOnly today, DateTimeOffset now, TimeZoneInfo zone,
        HashSet<Planned> wanted, CancellationToken cancellationToken)
    {
        // Each page read without tracking and reduced to what falls within the window: large registries stay bounded in memory.
        switch (rule.Kind)
        {
            case ReminderKind.Birthday:
                for (var skip = 0; ; skip += ReminderPlanner.BatchSize)
                {
                    var page = await db.Customers.AsNoTracking().Where(c => c.Birthday != null).OrderBy(c => c.Id).Skip(skip).Take(ReminderPlanner.BatchSize)
                        .Select(c => new { c.Id, Birthday = c.Birthday!.Value }).ToListAsync(cancellationToken);
                    foreach (var customer in page)
                    {
                        foreach (var (offset, due, _) in CareEvents.Yearly(customer.Birthday, offsets, today, anniversary: false))
                        {
                            wanted.Add(new Planned(customer.Id, null, null, offset, due, null));
                        }
                    }

                    if (page.Count < ReminderPlanner.BatchSize)
                    {
                        return;
                    }
                }

            case ReminderKind.PurchaseAnniversary:
            case ReminderKind.FollowUpAfterPurchase:
                for (var skip = 0; ; skip += ReminderPlanner.BatchSize)
                {
                    var page = await db.SerialNumbers.AsNoTracking().Where(s => s.CustomerId != null && (s.PurchaseDate != null || s.WarrantyStart != null))
                        .OrderBy(s => s.Id).Skip(skip).Take(ReminderPlanner.BatchSize).Select(s => new { s.Id, s.PurchaseDate, s.WarrantyStart }).ToListAsync(cancellationToken);
                    foreach (var unit in page)
                    {
                        var bought = CareEvents.Bought(unit.PurchaseDate, unit.WarrantyStart)!.Value;
                        var days = rule.Kind == ReminderKind.PurchaseAnniversary
                            ? CareEvents.Yearly(bought, offsets, today, anniversary: true).Select(d => (d.Offset, d.DueDate))
                            : CareEvents.After(bought, offsets, today);
                        foreach (var (offset, due) in days)
                        {
                            wanted.Add(new Planned(null, unit.Id, null, offset, due, null));
                        }
                    }

                    if (page.Count < ReminderPlanner.BatchSize)
                    {
                        return;
                    }
                }

            case ReminderKind.FollowUpAfterClose:
                // Requests closed recently enough that one of the offsets still falls within the window.
                var since = now.AddDays(-(ReminderSchedule.CatchUpDays + offsets.Max() + 2)).ToUniversalTime();
                var closed = await db.ServiceRequests.AsNoTracking()
                    .Where(r => r.StatusCategory == AfterSales.Workflows.Definitions.StatusCategory.Done && r.ClosedAt != null && r.ClosedAt >= since && r.CustomerId != null)
                    .Select(r => new { r.Id, ClosedAt = r.ClosedAt!.Value }).ToListAsync(cancellationToken);
                foreach (var request in closed)
                {
                    foreach (var (offset, due) in CareEvents.After(CareEvents.LocalDay(request.ClosedAt, zone), offsets, today))
                    {
                        wanted.Add(new Planned(null, null, request.Id, offset, due, request.ClosedAt));
                    }
                }

                return;
        }
    }

    private static Planned KeyOf(DueReminder r) => new(r.CustomerId, r.SerialNumberId, r.ServiceRequestId, r.OffsetDays, r.DueDate, r.BasisAt);

    private readonly record struct Planned(Guid? CustomerId, Guid? UnitId, Guid? RequestId, int Offset, DateOnly DueDate, DateTimeOffset? BasisAt);
}

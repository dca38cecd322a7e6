using AfterSales.Modules.Service;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// Plans the current tenant's request reminders from the open requests' deadlines and waiting spells, every scan (they are due
/// by the hour), and cancels the pending ones of requests that moved on: closed, answered, re-planned to another deadline.
/// </summary>
public static class RequestReminderPlanner
{
    public const string NoteMovedOn = "Reminders.Note.RequestMovedOn";

    /// <summary>Plans one enabled request rule; returns how many reminders were added.</summary>
    public static async Task<int> PlanAsync(IRemindersDb db, ReminderRule rule, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var offsets = rule.Offsets;
        if (offsets.Count == 0)
        {
            return 0;
        }

        var candidates = new HashSet<Guid>();
        for (var skip = 0; ; skip += ReminderPlanner.BatchSize)
        {
            var page = await Candidates(db, rule.Kind, offsets, now, zone).OrderBy(r => r.Id).Skip(skip).Take(ReminderPlanner.BatchSize)
                .Select(r => r.Id).ToListAsync(cancellationToken);
            candidates.UnionWith(page);
            if (page.Count < ReminderPlanner.BatchSize)
            {
                break;
            }
        }

        // Requests with pending reminders are looked at again however they stand now, so those that moved on are cancelled.
        candidates.UnionWith(await db.DueReminders.AsNoTracking().Where(r => r.RuleId == rule.Id && r.State == DueReminderState.Pending && r.ServiceRequestId != null)
            .Select(r => r.ServiceRequestId!.Value).Distinct().ToListAsync(cancellationToken));
        var added = 0;
        foreach (var chunk in candidates.Chunk(ReminderPlanner.BatchSize))
        {
            var standings = await StandingsAsync(db, chunk, zone, cancellationToken);
            var existing = await db.DueReminders.Where(r => r.RuleId == rule.Id && r.ServiceRequestId != null && chunk.Contains(r.ServiceRequestId.Value))
                .ToListAsync(cancellationToken);
            foreach (var reminder in existing.Where(r => r.State == DueReminderState.Pending))
            {
                var standing = standings.GetValueOrDefault(reminder.ServiceRequestId!.Value);
                if (!offsets.Contains(reminder.OffsetDays))
                {
                    reminder.Cancel(ReminderPlanner.NoteRuleChanged);
                }
                else if (reminder.BasisAt is not { } basis || !RequestReminderSchedule.Holds(rule.Kind, basis, standing, now))
                {
                    reminder.Cancel(NoteMovedOn);
                }
                else if (ReminderSchedule.NotQuiet(RequestReminderSchedule.DueAt(rule.Kind, reminder.OffsetDays, basis), zone, rule.Quiet) is var dueAt
                         && dueAt > reminder.DueAt)
                {
                    reminder.DueAt = dueAt;
                }
            }

            var chunkAdded = 0;
            var known = existing.Select(r => (r.ServiceRequestId!.Value, r.OffsetDays, r.BasisAt)).ToHashSet();
            foreach (var (id, standing) in standings)
            {
                foreach (var (offset, basis, due) in RequestReminderSchedule.Planned(rule.Kind, offsets, standing, now))
                {
                    if (known.Add((id, offset, basis)))
                    {
                        var dueAt = ReminderSchedule.NotQuiet(due, zone, rule.Quiet);
                        db.DueReminders.Add(new DueReminder
                        {
                            RuleId = rule.Id, ServiceRequestId = id, OffsetDays = offset, BasisAt = basis.ToUniversalTime(), DueAt = dueAt,
                            DueDate = ReminderSchedule.Today(dueAt, zone),
                        });
                        chunkAdded++;
                    }
                }
            }

            if (await DueReminder.SavePlannedAsync(db, cancellationToken))
            {
                added += chunkAdded;
            }
        }

        return added;
    }

    /// <summary>Where each of these requests of the tenant stands; a deleted request stands closed.</summary>
    public static async Task<Dictionary<Guid, RequestStanding>> StandingsAsync(IRemindersDb db, IReadOnlyCollection<Guid> ids, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        var requests = await db.ServiceRequests.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.StatusCategory, r.Status, r.DueAt, r.RequestedDate, r.CreatedAt }).ToListAsync(cancellationToken);
        var waiting = requests.Where(r => r.StatusCategory == StatusCategory.Waiting).Select(r => r.Id).ToList();
        // The wait began with the last change into the status it is in; events are few per request.
        var changes = waiting.Count == 0
            ? []
            : await db.RequestEvents.AsNoTracking().Where(e => waiting.Contains(e.ServiceRequestId) && e.Kind == RequestEventKind.StatusChanged)
                .Select(e => new { e.ServiceRequestId, e.ToStatus, e.At }).ToListAsync(cancellationToken);
        var result = ids.ToDictionary(id => id, _ => new RequestStanding(false, null, null));
        foreach (var r in requests)
        {
            DateTimeOffset? since = r.StatusCategory != StatusCategory.Waiting
                ? null
                : changes.Where(c => c.ServiceRequestId == r.Id && c.ToStatus == r.Status).Select(c => (DateTimeOffset?)c.At.ToUniversalTime()).Max() ?? r.CreatedAt.ToUniversalTime();
            result[r.Id] = new RequestStanding(r.StatusCategory != StatusCategory.Done, Deadline(r.DueAt, r.RequestedDate, zone), since);
        }

        return result;
    }

    /// <summary>The SLA's due time, else the end of the day the customer asked for, in the tenant's zone.</summary>
    public static DateTimeOffset? Deadline(DateTimeOffset? slaDue, DateOnly? requestedDate, TimeZoneInfo zone) =>
        slaDue?.ToUniversalTime() ?? (requestedDate is { } day ? ReminderSchedule.DueAt(day.AddDays(1), zone, null) : null);

    // Open requests that may have a reminder of the kind within the lookahead; the schedule decides on each.
    private static IQueryable<ServiceRequest> Candidates(IRemindersDb db, ReminderKind kind, IReadOnlyList<int> offsets, DateTimeOffset now, TimeZoneInfo zone)
    {
        var open = db.ServiceRequests.AsNoTracking().Where(r => r.StatusCategory != StatusCategory.Done);
        if (kind == ReminderKind.RequestNoResponse)
        {
            return open.Where(r => r.StatusCategory == StatusCategory.Waiting);
        }

        var (from, until) = kind == ReminderKind.RequestDueSoon
            ? (now, now + RequestReminderSchedule.Lookahead + TimeSpan.FromHours(offsets.Max()))
            : (now - RequestReminderSchedule.CatchUp - TimeSpan.FromHours(offsets.Max()), now + RequestReminderSchedule.Lookahead - TimeSpan.FromHours(offsets.Min()));
        var firstDay = ReminderSchedule.Today(from, zone).AddDays(-1);
        var lastDay = ReminderSchedule.Today(until, zone);
        return open.Where(r => r.StatusCategory != StatusCategory.Waiting
                               && ((r.DueAt != null && r.DueAt >= from && r.DueAt <= until)
                                   || (r.DueAt == null && r.RequestedDate != null && r.RequestedDate >= firstDay && r.RequestedDate <= lastDay)));
    }
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// Writes the due reminders of the current tenant's rules ahead of time, from the units' warranty ends (request rules through
/// <see cref="RequestReminderPlanner"/>, maintenance plans and consumables through <see cref="CarePlanner"/>), and cancels the pending ones a changed warranty end or rule no longer explains:
/// re-planning is how a renewal moves a unit's reminders.
/// </summary>
public sealed class ReminderPlanner(IDbFactory<IRemindersDb> dbFactory, ITenantContext tenantContext, TimeProvider clock, IPlanAllowance plan)
{
    /// <summary>Units read and planned per save: bounded memory and short write locks on large registries.</summary>
    public const int BatchSize = 500;

    public const string NoteWarrantyChanged = "Reminders.Note.WarrantyChanged";
    public const string NoteRuleChanged = "Reminders.Note.RuleChanged";
    public const string NoteRuleDisabled = "Reminders.Note.RuleDisabled";

    private TimeZoneInfo Zone => Scheduling.VisitWindow.ZoneOf(tenantContext.Tenant);

    /// <summary>Plans every enabled unit rule not yet planned today and every request rule (due by the hour); returns how many reminders were added.</summary>
    public async Task<int> PlanDueRulesAsync(CancellationToken cancellationToken = default)
    {
        // A read-only tenant's reminders stay as they were until it pays; the saves below would be refused anyway.
        if (!await plan.AcceptsWritesAsync(cancellationToken))
        {
            return 0;
        }

        var today = ReminderSchedule.Today(clock.GetUtcNow(), Zone);
        List<Guid> ids;
        using (var db = dbFactory.Create())
        {
            ids = await db.ReminderRules.AsNoTracking().Where(r => r.IsEnabled && (r.PlannedOn == null || r.PlannedOn != today
                || r.Kind == ReminderKind.RequestDueSoon || r.Kind == ReminderKind.RequestOverdue || r.Kind == ReminderKind.RequestNoResponse
                // Requests close all day long; a follow-up a day after one closed this morning is planned by the next scan, not tomorrow's.
                || r.Kind == ReminderKind.FollowUpAfterClose)).Select(r => r.Id).ToListAsync(cancellationToken);
        }

        var added = 0;
        foreach (var id in ids)
        {
            added += await PlanWritableRuleAsync(id, cancellationToken);
        }

        return added;
    }

    /// <summary>Plans one rule of the tenant over the horizon; a disabled rule's pending reminders are cancelled.</summary>
    public async Task<int> PlanRuleAsync(Guid ruleId, CancellationToken cancellationToken = default) =>
        await plan.AcceptsWritesAsync(cancellationToken) ? await PlanWritableRuleAsync(ruleId, cancellationToken) : 0;

    private async Task<int> PlanWritableRuleAsync(Guid ruleId, CancellationToken cancellationToken)
    {
        var zone = Zone;
        var today = ReminderSchedule.Today(clock.GetUtcNow(), zone);
        using var db = dbFactory.Create();
        var rule = await db.ReminderRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return 0;
        }

        if (!rule.IsEnabled)
        {
            await CancelPendingAsync(db, ruleId, NoteRuleDisabled, cancellationToken);
            return 0;
        }

        if (rule.Kind.IsRequestKind())
        {
            var planned = await RequestReminderPlanner.PlanAsync(db, rule, clock.GetUtcNow(), zone, cancellationToken);
            await db.ReminderRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(set => set.SetProperty(r => r.PlannedOn, today), cancellationToken);
            return planned;
        }

        if (rule.Kind.IsCareEventKind())
        {
            var planned = await CareEventPlanner.PlanAsync(db, rule, today, clock.GetUtcNow(), zone, cancellationToken);
            await db.ReminderRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(set => set.SetProperty(r => r.PlannedOn, today), cancellationToken);
            return planned;
        }

        if (rule.Kind.IsCareKind())
        {
            var planned = await CarePlanner.PlanAsync(db, rule, today, zone, cancellationToken);
            await db.ReminderRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(set => set.SetProperty(r => r.PlannedOn, today), cancellationToken);
            return planned;
        }

        var offsets = rule.Offsets;
        var lastEnd = today.AddDays(ReminderSchedule.HorizonDays + (offsets.Count == 0 ? 0 : offsets.Max()));
        var added = 0;
        // Units whose warranty ends within reach of an offset, page by page.
        for (var skip = 0; ; skip += BatchSize)
        {
            var units = await db.SerialNumbers.AsNoTracking().Where(s => s.WarrantyEnd >= today && s.WarrantyEnd <= lastEnd)
                .OrderBy(s => s.Id).Skip(skip).Take(BatchSize).Select(s => new UnitEnd(s.Id, s.WarrantyEnd)).ToListAsync(cancellationToken);
            added += await PlanUnitsAsync(db, rule, units, today, zone, cancellationToken);
            if (units.Count < BatchSize)
            {
                break;
            }
        }

        // Pending reminders of units now out of reach (renewed for years, or their end date removed) are cancelled.
        var pendingUnits = await db.DueReminders.AsNoTracking().Where(r => r.RuleId == ruleId && r.State == DueReminderState.Pending)
            .Select(r => r.SerialNumberId!.Value).Distinct().ToListAsync(cancellationToken);
        foreach (var chunk in pendingUnits.Chunk(BatchSize))
        {
            var units = await db.SerialNumbers.AsNoTracking().Where(s => chunk.Contains(s.Id) && (s.WarrantyEnd == null || s.WarrantyEnd < today || s.WarrantyEnd > lastEnd))
                .Select(s => new UnitEnd(s.Id, s.WarrantyEnd)).ToListAsync(cancellationToken);
            added += await PlanUnitsAsync(db, rule, units, today, zone, cancellationToken);
        }

        await db.ReminderRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(set => set.SetProperty(r => r.PlannedOn, today), cancellationToken);
        return added;
    }

    /// <summary>Re-plans one unit under every enabled rule, as after its warranty changed.</summary>
    public async Task<int> PlanUnitAsync(Guid serialNumberId, CancellationToken cancellationToken = default)
    {
        if (!await plan.AcceptsWritesAsync(cancellationToken))
        {
            return 0;
        }

        var zone = Zone;
        var today = ReminderSchedule.Today(clock.GetUtcNow(), zone);
        using var db = dbFactory.Create();
        var unit = await db.SerialNumbers.AsNoTracking().Where(s => s.Id == serialNumberId).Select(s => new UnitEnd(s.Id, s.WarrantyEnd)).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return 0;
        }

        var added = 0;
        foreach (var rule in await db.ReminderRules.AsNoTracking().Where(r => r.IsEnabled && r.Kind == ReminderKind.WarrantyExpiry).ToListAsync(cancellationToken))
        {
            added += await PlanUnitsAsync(db, rule, [unit], today, zone, cancellationToken);
        }

        return added;
    }

    /// <summary>Cancels a rule's pending reminders, each with a new stamp so a scan sending one at this moment fails to.</summary>
    internal static Task<int> CancelPendingAsync(IRemindersDb db, Guid ruleId, string note, CancellationToken cancellationToken) =>
        db.DueReminders.Where(r => r.RuleId == ruleId && r.State == DueReminderState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, DueReminderState.Cancelled).SetProperty(r => r.Note, note)
                .SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString("N")), cancellationToken);

    private static async Task<int> PlanUnitsAsync(IRemindersDb db, ReminderRule rule, IReadOnlyList<UnitEnd> units, DateOnly today, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return 0;
        }

        var ids = units.Select(u => u.Id).ToList();
        var existing = await db.DueReminders.Where(r => r.RuleId == rule.Id && r.SerialNumberId != null && ids.Contains(r.SerialNumberId.Value)).ToListAsync(cancellationToken);
        var known = existing.Select(r => (r.SerialNumberId!.Value, r.DueDate)).ToHashSet();
        var offsets = rule.Offsets;
        var ends = units.ToDictionary(u => u.Id, u => u.End);
        foreach (var reminder in existing.Where(r => r.State == DueReminderState.Pending))
        {
            if (!offsets.Contains(reminder.OffsetDays))
            {
                reminder.Cancel(NoteRuleChanged);
            }
            else if (ends[reminder.SerialNumberId!.Value]?.AddDays(-reminder.OffsetDays) != reminder.DueDate)
            {
                reminder.Cancel(NoteWarrantyChanged);
            }
            else if (ReminderSchedule.DueAt(reminder.DueDate, zone, rule.Quiet) is var dueAt && dueAt > reminder.DueAt)
            {
                // Quiet hours set or moved since it was planned.
                reminder.DueAt = dueAt;
            }
        }

        var added = new List<DueReminder>();
        foreach (var unit in units)
        {
            foreach (var (offset, dueDate) in ReminderSchedule.DueDates(unit.End, offsets, today))
            {
                if (known.Add((unit.Id, dueDate)))
                {
                    added.Add(new DueReminder
                    {
                        RuleId = rule.Id, SerialNumberId = unit.Id, OffsetDays = offset, DueDate = dueDate,
                        DueAt = ReminderSchedule.DueAt(dueDate, zone, rule.Quiet),
                    });
                }
            }
        }

        return await DueReminder.SavePlannedAsync(db, added, cancellationToken) ? added.Count : 0;
    }

    private sealed record UnitEnd(Guid Id, DateOnly? End);
}

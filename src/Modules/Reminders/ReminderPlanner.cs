using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// Writes the due reminders of the current tenant's rules ahead of time, from the units' warranty ends (request rules through
/// <see cref="RequestReminderPlanner"/>, maintenance plans and consumables through <see cref="CarePlanner"/>), and cancels the pending ones a changed warranty end or rule no longer explains:
/// re-planning is how a renewal moves a unit's reminders.
/// </summary>
public sealed class ReminderPlanner(IDbFactory<IRemindersDb> dbFactory, ITenantContext tenantContext, TimeProvider clock, IPlanAllowance plan, ReminderWriteGate writes)
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
        List<ReminderRule> rules;
        using (var db = dbFactory.Create())
        {
            rules = await db.ReminderRules.AsNoTracking().Where(r => r.IsEnabled && (r.PlannedOn == null || r.PlannedOn != today
                || r.Kind == ReminderKind.RequestDueSoon || r.Kind == ReminderKind.RequestOverdue || r.Kind == ReminderKind.RequestNoResponse
                // Requests close all day long; a follow-up a day after one closed this morning is planned by the next scan, not tomorrow's.
                || r.Kind == ReminderKind.FollowUpAfterClose)).ToListAsync(cancellationToken);
        }

        return await PlanRulesAsync(rules, cancellationToken);
    }

    /// <summary>Plans one rule of the tenant over the horizon; a disabled rule's pending reminders are cancelled.</summary>
    public async Task<int> PlanRuleAsync(Guid ruleId, CancellationToken cancellationToken = default)
    {
        if (!await plan.AcceptsWritesAsync(cancellationToken))
        {
            return 0;
        }

        ReminderRule? rule;
        using (var db = dbFactory.Create())
        {
            rule = await db.ReminderRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        }

        return rule is null ? 0 : await PlanRulesAsync([rule], cancellationToken);
    }

    // Request and greeting rules each plan on their own; the unit rules share one read of the units and of their reminders.
    private async Task<int> PlanRulesAsync(IReadOnlyList<ReminderRule> rules, CancellationToken cancellationToken)
    {
        var zone = Zone;
        var now = clock.GetUtcNow();
        var today = ReminderSchedule.Today(now, zone);
        var added = 0;
        using var db = dbFactory.Create();
        foreach (var rule in rules)
        {
            if (!rule.IsEnabled)
            {
                await CancelPendingAsync(db, rule.Id, NoteRuleDisabled, cancellationToken);
            }
            else if (rule.Kind.IsRequestKind())
            {
                added += await RequestReminderPlanner.PlanAsync(db, rule, now, zone, cancellationToken);
            }
            else if (rule.Kind.IsCareEventKind())
            {
                added += await CareEventPlanner.PlanAsync(db, rule, today, now, zone, cancellationToken);
            }
        }

        // The day's planning is marked done in the unit rules' last transaction, or on its own when there is none.
        var planned = rules.Where(r => r.IsEnabled).Select(r => r.Id).ToList();
        Task MarkPlannedAsync(CancellationToken token) => planned.Count == 0
            ? Task.CompletedTask
            : db.ReminderRules.Where(r => planned.Contains(r.Id)).ExecuteUpdateAsync(set => set.SetProperty(r => r.PlannedOn, today), token);

        var unitRules = rules.Where(r => r.IsEnabled && (r.Kind == ReminderKind.WarrantyExpiry || r.Kind.IsCareKind())).ToList();
        if (unitRules.Count == 0)
        {
            await MarkPlannedAsync(cancellationToken);
            return added;
        }

        var unitPlan = await UnitReminderPlan.LoadAsync(db, writes, unitRules.Select(r => r.Id).ToList(), today, null, cancellationToken);
        foreach (var rule in unitRules.Where(r => r.Kind == ReminderKind.WarrantyExpiry))
        {
            await PlanWarrantyAsync(db, rule, today, zone, unitPlan, cancellationToken);
        }

        if (unitRules.Where(r => r.Kind.IsCareKind()).ToList() is { Count: > 0 } careRules)
        {
            await CarePlanner.PlanAsync(db, careRules, today, zone, unitPlan, cancellationToken);
        }

        await unitPlan.SaveAsync(cancellationToken, MarkPlannedAsync);
        return added + unitPlan.Saved;
    }

    // Units whose warranty ends within reach of an offset, and those with pending reminders now out of reach (renewed for years,
    // or their end date removed), which are cancelled.
    private static async Task PlanWarrantyAsync(IRemindersDb db, ReminderRule rule, DateOnly today, TimeZoneInfo zone, UnitReminderPlan unitPlan,
        CancellationToken cancellationToken)
    {
        var offsets = rule.Offsets;
        var lastEnd = today.AddDays(ReminderSchedule.HorizonDays + (offsets.Count == 0 ? 0 : offsets.Max()));
        var seen = new HashSet<Guid>();
        for (var skip = 0; ; skip += BatchSize)
        {
            var units = await db.SerialNumbers.AsNoTracking().Where(s => s.WarrantyEnd >= today && s.WarrantyEnd <= lastEnd)
                .OrderBy(s => s.Id).Skip(skip).Take(BatchSize).Select(s => new UnitEnd(s.Id, s.WarrantyEnd)).ToListAsync(cancellationToken);
            seen.UnionWith(units.Select(u => u.Id));
            await PlanUnitsAsync(rule, units, today, zone, unitPlan, cancellationToken);
            if (units.Count < BatchSize)
            {
                break;
            }
        }

        foreach (var chunk in unitPlan.PendingUnits(rule.Id).Where(id => !seen.Contains(id)).Chunk(BatchSize))
        {
            var units = await db.SerialNumbers.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new UnitEnd(s.Id, s.WarrantyEnd)).ToListAsync(cancellationToken);
            await PlanUnitsAsync(rule, units, today, zone, unitPlan, cancellationToken);
        }
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

        var rules = await db.ReminderRules.AsNoTracking().Where(r => r.IsEnabled && r.Kind == ReminderKind.WarrantyExpiry).ToListAsync(cancellationToken);
        var unitPlan = await UnitReminderPlan.LoadAsync(db, writes, rules.Select(r => r.Id).ToList(), today, serialNumberId, cancellationToken);
        foreach (var rule in rules)
        {
            await PlanUnitsAsync(rule, [unit], today, zone, unitPlan, cancellationToken);
        }

        await unitPlan.SaveAsync(cancellationToken);
        return unitPlan.Saved;
    }

    /// <summary>Cancels a rule's pending reminders, each with a new stamp so a scan sending one at this moment fails to.</summary>
    internal static Task<int> CancelPendingAsync(IRemindersDb db, Guid ruleId, string note, CancellationToken cancellationToken) =>
        db.DueReminders.Where(r => r.RuleId == ruleId && r.State == DueReminderState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, DueReminderState.Cancelled).SetProperty(r => r.Note, note)
                .SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString("N")), cancellationToken);

    private static async Task PlanUnitsAsync(ReminderRule rule, IReadOnlyList<UnitEnd> units, DateOnly today, TimeZoneInfo zone, UnitReminderPlan unitPlan,
        CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return;
        }

        var existing = unitPlan.Of(rule.Id, units.Select(u => u.Id));
        var known = existing.Select(r => (r.SerialNumberId!.Value, r.DueDate)).ToHashSet();
        var offsets = rule.Offsets;
        var ends = units.ToDictionary(u => u.Id, u => u.End);
        foreach (var reminder in existing.Where(r => r.State == DueReminderState.Pending))
        {
            if (!offsets.Contains(reminder.OffsetDays))
            {
                unitPlan.Change(reminder).Cancel(NoteRuleChanged);
            }
            else if (ends[reminder.SerialNumberId!.Value]?.AddDays(-reminder.OffsetDays) != reminder.DueDate)
            {
                unitPlan.Change(reminder).Cancel(NoteWarrantyChanged);
            }
            else if (ReminderSchedule.DueAt(reminder.DueDate, zone, rule.Quiet) is var dueAt && dueAt > reminder.DueAt)
            {
                // Quiet hours set or moved since it was planned.
                unitPlan.Change(reminder).DueAt = dueAt;
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

        await unitPlan.AddAsync(added, cancellationToken);
    }

    private sealed record UnitEnd(Guid Id, DateOnly? End);
}

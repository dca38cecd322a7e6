using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using AfterSales.Modules.WorkReports;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// Plans the current tenant's maintenance-plan and consumable reminders from the units of the rule's models: what each unit should
/// have today is worked out afresh (its visits under warranty or an agreement, its consumables' next replacement), pending rows
/// that no longer match are cancelled and missing ones added. The sender asks the same question before sending.
/// </summary>
public static class CarePlanner
{
    public const string NoteCareChanged = "Reminders.Note.CareChanged";

    /// <summary>
    /// Plans the tenant's enabled care rules over one read of the units they reach, page by page; what is added is queued on
    /// <paramref name="unitPlan"/>.
    /// </summary>
    public static async Task PlanAsync(IRemindersDb db, IReadOnlyList<ReminderRule> rules, DateOnly today, TimeZoneInfo zone, UnitReminderPlan unitPlan,
        CancellationToken cancellationToken)
    {
        var units = db.SerialNumbers.AsNoTracking().Where(s => s.WarrantyStart != null || s.PurchaseDate != null);
        if (rules.All(r => r.ProductModelIds.Count > 0))
        {
            var models = rules.SelectMany(r => r.ProductModelIds).Distinct().ToList();
            units = units.Where(s => models.Contains(s.ProductModelId));
        }

        if (rules.All(r => r.Kind == ReminderKind.ConsumableReplacement))
        {
            units = units.Where(s => db.ModelConsumables.Any(c => c.ProductModelId == s.ProductModelId && c.LifetimeDays > 0));
        }

        var lookups = await CareLookups.LoadAsync(db, rules, today, cancellationToken);
        if (CareReach.Filter(rules, lookups.Consumables, today, await units.MinAsync(s => s.WarrantyStart ?? s.PurchaseDate, cancellationToken)) is { } reach)
        {
            units = units.Where(reach);
        }

        var seen = new HashSet<Guid>();
        // Pages follow the serial number, which the tenant's unique index holds in order: no sort, and no skipping past read rows.
        for (var after = ""; ;)
        {
            var from = after;
            var page = await units.Where(s => s.Number.CompareTo(from) > 0).OrderBy(s => s.Number).Take(ReminderPlanner.BatchSize).Select(Unit)
                .ToListAsync(cancellationToken);
            seen.UnionWith(page.Select(u => u.Id));
            foreach (var rule in rules)
            {
                await PlanUnitsAsync(db, rule, page, today, zone, lookups, unitPlan, cancellationToken);
            }

            if (page.Count < ReminderPlanner.BatchSize)
            {
                break;
            }

            after = page[^1].Number;
        }

        // A consumable replaced on record is next due from that day, which the condition above does not see.
        if (lookups.Consumables.Any(c => c.PartCode is not null))
        {
            var replaced = (await ReplacedUnitsAsync(db, cancellationToken)).Where(id => !seen.Contains(id)).ToList();
            foreach (var chunk in replaced.Chunk(ReminderPlanner.BatchSize))
            {
                var page = await db.SerialNumbers.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(Unit).ToListAsync(cancellationToken);
                seen.UnionWith(page.Select(u => u.Id));
                foreach (var rule in rules)
                {
                    await PlanUnitsAsync(db, rule, page, today, zone, lookups, unitPlan, cancellationToken);
                }
            }
        }

        // Units no rule reaches any more (their model taken off the rules, their dates removed) have their pending rows cancelled.
        foreach (var rule in rules)
        {
            foreach (var chunk in unitPlan.PendingUnits(rule.Id).Where(id => !seen.Contains(id)).Chunk(ReminderPlanner.BatchSize))
            {
                var page = await db.SerialNumbers.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(Unit).ToListAsync(cancellationToken);
                await PlanUnitsAsync(db, rule, page, today, zone, lookups, unitPlan, cancellationToken);
            }
        }
    }

    /// <summary>The reminders these units should have under the rule on <paramref name="today"/>.</summary>
    /// <param name="lookups">What a planning run read once for all its pages; without it what these units need is read.</param>
    public static async Task<HashSet<CareDue>> WantedAsync(IRemindersDb db, ReminderRule rule, IReadOnlyList<CareUnit> units, DateOnly today, CancellationToken cancellationToken,
        CareLookups? lookups = null)
    {
        var wanted = new HashSet<CareDue>();
        var offsets = rule.Offsets;
        var reached = units.Where(u => u.InService is not null && (rule.ProductModelIds.Count == 0 || rule.ProductModelIds.Contains(u.ModelId))).ToList();
        if (offsets.Count == 0 || reached.Count == 0)
        {
            return wanted;
        }

        var ids = reached.Select(u => u.Id).ToList();
        if (rule.Kind == ReminderKind.MaintenancePlan && rule.IntervalMonths is { } interval)
        {
            var from = today.AddDays(-ReminderSchedule.CatchUpDays);
            var until = today.AddDays(ReminderSchedule.HorizonDays + offsets.Max());
            var customerIds = reached.Select(u => u.CustomerId).OfType<Guid>().Distinct().ToList();
            var agreements = lookups?.Agreements ?? (customerIds.Count == 0
                ? []
                : await db.ServiceAgreements.AsNoTracking().Include(a => a.Units).Where(a => customerIds.Contains(a.CustomerId) && a.EndDate >= from && a.StartDate <= until)
                    .ToListAsync(cancellationToken)).ToLookup(a => a.CustomerId);
            foreach (var unit in reached)
            {
                var owned = unit.CustomerId is { } owner ? agreements[owner] : [];
                foreach (var visit in CareSchedule.Visits(unit.InService!.Value, interval, from, until).Where(v => Covered(unit, v, owned)))
                {
                    foreach (var (offset, due) in CareSchedule.ReminderDays(visit, offsets, today))
                    {
                        wanted.Add(new CareDue(unit.Id, Guid.Empty, offset, due, visit));
                    }
                }
            }

            return wanted;
        }

        var modelIds = reached.Select(u => u.ModelId).Distinct().ToList();
        var consumables = lookups is null
            ? await db.ModelConsumables.AsNoTracking().Where(c => modelIds.Contains(c.ProductModelId) && c.LifetimeDays > 0).ToListAsync(cancellationToken)
            : lookups.Consumables.Where(c => modelIds.Contains(c.ProductModelId)).ToList();
        var replacements = await LastReplacementsAsync(db, ids, consumables, cancellationToken);
        foreach (var unit in reached)
        {
            foreach (var consumable in consumables.Where(c => c.ProductModelId == unit.ModelId))
            {
                var last = replacements.GetValueOrDefault((unit.Id, consumable.Id));
                if (CareSchedule.ReplacementDue(unit.InService, last, consumable.LifetimeDays) is { } day)
                {
                    foreach (var (offset, due) in CareSchedule.ReminderDays(day, offsets, today))
                    {
                        wanted.Add(new CareDue(unit.Id, consumable.Id, offset, due, day));
                    }
                }
            }
        }

        return wanted;
    }

    /// <summary>
    /// The day each consumable of these units was last replaced: the visit of a submitted (or verified) work report on a request for
    /// the unit listing a part with the consumable's part code, letter case aside.
    /// </summary>
    public static async Task<Dictionary<(Guid UnitId, Guid ConsumableId), DateOnly>> LastReplacementsAsync(IRemindersDb db, IReadOnlyCollection<Guid> unitIds,
        IReadOnlyList<ModelConsumable> consumables, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(Guid, Guid), DateOnly>();
        if (!consumables.Any(c => c.PartCode is not null) || unitIds.Count == 0)
        {
            return result;
        }

        var parts = await (from p in db.WorkReportParts.AsNoTracking()
                           join w in db.WorkReports.AsNoTracking() on p.WorkReportId equals w.Id
                           join r in db.ServiceRequests.AsNoTracking() on w.ServiceRequestId equals r.Id
                           where r.SerialNumberId != null && unitIds.Contains(r.SerialNumberId.Value)
                                 && (w.State == WorkReportState.Submitted || w.State == WorkReportState.Verified)
                           select new { UnitId = r.SerialNumberId!.Value, p.Code, w.VisitedOn }).ToListAsync(cancellationToken);
        foreach (var part in parts)
        {
            foreach (var consumable in consumables.Where(c => string.Equals(c.PartCode, part.Code.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                var key = (part.UnitId, consumable.Id);
                if (!result.TryGetValue(key, out var day) || part.VisitedOn > day)
                {
                    result[key] = part.VisitedOn;
                }
            }
        }

        return result;
    }

    // The units with a part on a submitted or verified work report: all a replacement on record can be (LastReplacementsAsync).
    private static Task<List<Guid>> ReplacedUnitsAsync(IRemindersDb db, CancellationToken cancellationToken) =>
        (from p in db.WorkReportParts.AsNoTracking()
         join w in db.WorkReports.AsNoTracking() on p.WorkReportId equals w.Id
         join r in db.ServiceRequests.AsNoTracking() on w.ServiceRequestId equals r.Id
         where r.SerialNumberId != null && (w.State == WorkReportState.Submitted || w.State == WorkReportState.Verified)
         select r.SerialNumberId!.Value).Distinct().ToListAsync(cancellationToken);

    /// <summary>Under warranty on the visit's day, or under an active service agreement of its owner that covers it.</summary>
    public static bool Covered(CareUnit unit, DateOnly visit, IEnumerable<ServiceAgreement> agreements) =>
        (unit.WarrantyEnd is { } end && end >= visit && (unit.WarrantyStart is null || unit.WarrantyStart <= visit))
        || (unit.CustomerId is { } owner && agreements.Any(a => a.CustomerId == owner && a.IsActiveOn(visit) && a.Covers(unit.Number)));

    public static readonly System.Linq.Expressions.Expression<Func<SerialNumber, CareUnit>> Unit =
        s => new CareUnit(s.Id, s.Number, s.ProductModelId, s.CustomerId, s.WarrantyStart ?? s.PurchaseDate, s.WarrantyStart, s.WarrantyEnd);

    private static async Task PlanUnitsAsync(IRemindersDb db, ReminderRule rule, IReadOnlyList<CareUnit> units, DateOnly today, TimeZoneInfo zone,
        CareLookups lookups, UnitReminderPlan unitPlan, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return;
        }

        var wanted = await WantedAsync(db, rule, units, today, cancellationToken, lookups);
        var existing = unitPlan.Of(rule.Id, units.Select(u => u.Id));
        var offsets = rule.Offsets;
        foreach (var reminder in existing.Where(r => r.State == DueReminderState.Pending))
        {
            if (!offsets.Contains(reminder.OffsetDays))
            {
                unitPlan.Change(reminder).Cancel(ReminderPlanner.NoteRuleChanged);
            }
            else if (!wanted.Contains(new CareDue(reminder.SerialNumberId!.Value, reminder.ConsumableId, reminder.OffsetDays, reminder.DueDate, reminder.DueDate.AddDays(reminder.OffsetDays))))
            {
                // A consumable replaced meanwhile, a warranty or agreement ended, the plan's interval changed.
                unitPlan.Change(reminder).Cancel(NoteCareChanged);
            }
            else if (ReminderSchedule.DueAt(reminder.DueDate, zone, rule.Quiet) is var dueAt && dueAt > reminder.DueAt)
            {
                unitPlan.Change(reminder).DueAt = dueAt;
            }
        }

        var known = existing.Select(r => (r.SerialNumberId!.Value, r.ConsumableId, r.DueDate)).ToHashSet();
        var added = new List<DueReminder>();
        foreach (var due in wanted)
        {
            if (known.Add((due.UnitId, due.ConsumableId, due.DueDate)))
            {
                added.Add(new DueReminder
                {
                    RuleId = rule.Id, SerialNumberId = due.UnitId, ConsumableId = due.ConsumableId, OffsetDays = due.Offset, DueDate = due.DueDate,
                    DueAt = ReminderSchedule.DueAt(due.DueDate, zone, rule.Quiet),
                });
            }
        }

        await unitPlan.AddAsync(added, cancellationToken);
    }
}

/// <summary>A unit as care rules see it; <paramref name="InService"/> is its warranty start, else its purchase date.</summary>
public sealed record CareUnit(Guid Id, string Number, Guid ModelId, Guid? CustomerId, DateOnly? InService, DateOnly? WarrantyStart, DateOnly? WarrantyEnd);

/// <summary>One reminder a unit should have: <paramref name="Day"/> is the visit or replacement day it counts down to.</summary>
public readonly record struct CareDue(Guid UnitId, Guid ConsumableId, int Offset, DateOnly DueDate, DateOnly Day);

/// <summary>
/// What the care rules look up besides the units, read once for all of them instead of once per rule and page: the consumables
/// with a lifetime, and the service agreements that can cover a visit in the planning window, by customer.
/// </summary>
public sealed record CareLookups(IReadOnlyList<ModelConsumable> Consumables, ILookup<Guid, ServiceAgreement> Agreements)
{
    /// <summary>The tenant's, for a planning run over its units; only those of <paramref name="units"/>' models and owners when given.</summary>
    public static async Task<CareLookups> LoadAsync(IRemindersDb db, IReadOnlyList<ReminderRule> rules, DateOnly today, CancellationToken cancellationToken,
        IReadOnlyCollection<CareUnit>? units = null)
    {
        var modelIds = units?.Select(u => u.ModelId).Distinct().ToList();
        var consumables = rules.Any(r => r.Kind == ReminderKind.ConsumableReplacement)
            ? await db.ModelConsumables.AsNoTracking().Where(c => c.LifetimeDays > 0 && (modelIds == null || modelIds.Contains(c.ProductModelId))).ToListAsync(cancellationToken)
            : [];
        var plans = rules.Where(r => r.Kind == ReminderKind.MaintenancePlan && r.IntervalMonths is not null && r.Offsets.Count > 0).ToList();
        var customerIds = units?.Select(u => u.CustomerId).OfType<Guid>().Distinct().ToList();
        List<ServiceAgreement> agreements = [];
        if (plans.Count > 0 && customerIds is not { Count: 0 })
        {
            var from = today.AddDays(-ReminderSchedule.CatchUpDays);
            var until = today.AddDays(ReminderSchedule.HorizonDays + plans.Max(r => r.Offsets.Max()));
            agreements = await db.ServiceAgreements.AsNoTracking().Include(a => a.Units)
                .Where(a => a.EndDate >= from && a.StartDate <= until && (customerIds == null || customerIds.Contains(a.CustomerId))).ToListAsync(cancellationToken);
        }

        return new CareLookups(consumables, agreements.ToLookup(a => a.CustomerId));
    }
}

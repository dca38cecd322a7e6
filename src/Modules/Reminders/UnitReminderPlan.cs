using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// One planning run of a tenant's unit rules (warranty, maintenance, consumables) over one context: the rules' reminders that can
/// still matter are read in one query instead of once per page of units, and what the run adds or changes is saved together, in
/// a transaction per <see cref="FlushRows"/> added rows rather than one per page and rule (docs/benchmarks.md, care reminders scan).
/// </summary>
public sealed class UnitReminderPlan
{
    /// <summary>Added rows saved per transaction: a tenant of a thousand units in one, a large registry in bounded pieces.</summary>
    public const int FlushRows = 5000;

    private readonly IRemindersDb db;
    private readonly ReminderWriteGate writes;
    private readonly ILookup<(Guid RuleId, Guid UnitId), DueReminder> existing;
    private readonly List<DueReminder> added = [];

    private UnitReminderPlan(IRemindersDb db, ReminderWriteGate writes, ILookup<(Guid RuleId, Guid UnitId), DueReminder> existing)
    {
        this.db = db;
        this.writes = writes;
        this.existing = existing;
    }

    /// <summary>How many added rows were saved; a save another planner beat (the unique index) counts none of its rows.</summary>
    public int Saved { get; private set; }

    /// <summary>
    /// Reads the rules' pending reminders and those due on or after the catch-up window's first day (of <paramref name="unitId"/>
    /// only, when given): no reminder a planner wants today is older, so the ones before it cannot be asked for again.
    /// </summary>
    public static async Task<UnitReminderPlan> LoadAsync(IRemindersDb db, ReminderWriteGate writes, IReadOnlyCollection<Guid> ruleIds, DateOnly today, Guid? unitId,
        CancellationToken cancellationToken)
    {
        var from = today.AddDays(-ReminderSchedule.CatchUpDays);
        var rows = ruleIds.Count == 0
            ? []
            : await db.DueReminders.AsNoTracking()
                .Where(r => ruleIds.Contains(r.RuleId) && r.SerialNumberId != null && (unitId == null || r.SerialNumberId == unitId)
                            && (r.State == DueReminderState.Pending || r.DueDate >= from))
                .ToListAsync(cancellationToken);
        return new UnitReminderPlan(db, writes, rows.ToLookup(r => (r.RuleId, r.SerialNumberId!.Value)));
    }

    /// <summary>The rule's reminders of these units that can still matter.</summary>
    public List<DueReminder> Of(Guid ruleId, IEnumerable<Guid> unitIds) => unitIds.SelectMany(id => existing[(ruleId, id)]).ToList();

    /// <summary>The units with pending reminders of the rule.</summary>
    public IEnumerable<Guid> PendingUnits(Guid ruleId) =>
        existing.Where(g => g.Key.RuleId == ruleId && g.Any(r => r.State == DueReminderState.Pending)).Select(g => g.Key.UnitId);

    /// <summary>Starts tracking a read reminder before it is changed, so the next save writes the change (with its stamp checked).</summary>
    public DueReminder Change(DueReminder reminder)
    {
        if (db.DueReminders.Entry(reminder).State == EntityState.Detached)
        {
            db.DueReminders.Attach(reminder);
        }

        return reminder;
    }

    /// <summary>Queues new reminders; saves once enough are queued.</summary>
    public async Task AddAsync(IEnumerable<DueReminder> reminders, CancellationToken cancellationToken)
    {
        added.AddRange(reminders);
        if (added.Count >= FlushRows)
        {
            await SaveAsync(cancellationToken);
        }
    }

    /// <summary>Saves the queued rows and the changes in one transaction, with <paramref name="alsoWrite"/> last.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken, Func<CancellationToken, Task>? alsoWrite = null)
    {
        using var turn = await writes.EnterAsync(db, cancellationToken);
        if (await DueReminder.SavePlannedAsync(db, added, cancellationToken, alsoWrite))
        {
            Saved += added.Count;
        }

        added.Clear();
    }
}

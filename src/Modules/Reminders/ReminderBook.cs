using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>The tenant's reminder rules as the admin page keeps them, with what each has coming up.</summary>
public sealed class ReminderBook(IDbFactory<IRemindersDb> dbFactory, ReminderPlanner planner, ReminderSender sender, TimeProvider clock,
    AfterSales.Tenancy.ITenantContext tenantContext, IGroupRobots robots)
{
    public async Task<IReadOnlyList<ReminderRuleRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rules = await db.ReminderRules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var counts = await db.DueReminders.AsNoTracking().GroupBy(r => new { r.RuleId, r.State })
            .Select(g => new { g.Key.RuleId, g.Key.State, Count = g.Count() }).ToListAsync(cancellationToken);
        return rules.Select(r => new ReminderRuleRow(r,
            counts.Where(c => c.RuleId == r.Id && c.State == DueReminderState.Pending).Sum(c => c.Count),
            counts.Where(c => c.RuleId == r.Id && c.State == DueReminderState.Sent).Sum(c => c.Count))).ToList();
    }

    public async Task<ReminderRule?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ReminderRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>Creates a rule (<paramref name="id"/> null) or changes one loaded with <paramref name="loadedStamp"/>, and plans it.</summary>
    public async Task<ReminderSaveResult> SaveAsync(Guid? id, ReminderRuleInput input, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        var errors = ReminderRules.Validate(input);
        using var db = dbFactory.Create();
        var rule = id is null ? null : await db.ReminderRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && rule is null)
        {
            return new ReminderSaveResult(ReminderSaveStatus.NotFound);
        }

        var name = (input.Name ?? "").Trim();
        if (!errors.ContainsKey(nameof(input.Name)) && await db.ReminderRules.AnyAsync(r => r.Name == name && r.Id != id, cancellationToken))
        {
            errors[nameof(input.Name)] = "Reminders.Validation.NameTaken";
        }

        await CheckCareAsync(db, input, errors, cancellationToken);
        if (input.Robot && input.RobotEndpointId is { } robotId && !errors.ContainsKey(nameof(input.RobotEndpointId))
            && !(await robots.ListAsync(cancellationToken)).Any(r => r.Id == robotId))
        {
            // Another tenant's endpoint, a generic one, or one switched off meanwhile.
            errors[nameof(input.RobotEndpointId)] = "Reminders.Validation.Robot";
        }
        if (errors.Count > 0)
        {
            return new ReminderSaveResult(ReminderSaveStatus.Invalid, errors);
        }

        if (rule is not null && rule.ConcurrencyStamp != loadedStamp)
        {
            return new ReminderSaveResult(ReminderSaveStatus.Conflict);
        }

        if (rule is null)
        {
            db.ReminderRules.Add(rule = new ReminderRule { Kind = input.Kind });
        }
        else if (rule.Kind != input.Kind)
        {
            // Its planned reminders, their offsets and its words belong to the kind: another kind is another rule.
            return new ReminderSaveResult(ReminderSaveStatus.Invalid, new Dictionary<string, string> { [nameof(input.Kind)] = "Reminders.Validation.KindFixed" });
        }

        rule.Name = name;
        rule.OffsetDays = string.Join(",", ReminderKinds.ParseOffsets(input.Kind, input.OffsetDays)!);
        rule.ToCustomer = input.ToCustomer;
        rule.ToAssignee = input.ToAssignee;
        rule.StaffRole = string.IsNullOrWhiteSpace(input.StaffRole) ? null : input.StaffRole.Trim();
        rule.Channels = (input.InApp ? ReminderChannels.InApp : 0) | (input.Email ? ReminderChannels.Email : 0) | (input.Sms ? ReminderChannels.Sms : 0)
                        | (input.Robot ? ReminderChannels.Robot : 0);
        rule.RobotEndpointId = input.Robot ? input.RobotEndpointId : null;
        rule.SubjectZh = input.SubjectZh.Trim();
        rule.SubjectEn = input.SubjectEn.Trim();
        rule.BodyZh = input.BodyZh.Trim();
        rule.BodyEn = input.BodyEn.Trim();
        rule.QuietFrom = input.QuietFrom;
        rule.QuietUntil = input.QuietUntil;
        rule.IsEnabled = input.IsEnabled;
        rule.ProductModelIds = input.Kind.IsCareKind() ? input.ProductModelIds.Distinct().ToList() : [];
        rule.IntervalMonths = input.Kind == ReminderKind.MaintenancePlan ? input.IntervalMonths : null;
        rule.Action = input.Kind == ReminderKind.MaintenancePlan ? input.Action : MaintenanceAction.Remind;
        rule.ServiceTypeId = input.CreatesRequest ? input.ServiceTypeId : null;
        rule.PlannedOn = null;
        rule.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ReminderSaveResult(ReminderSaveStatus.Conflict);
        }

        // Changed offsets or quiet hours show in the upcoming list at once, not after tonight's scan.
        await planner.PlanRuleAsync(rule.Id, cancellationToken);
        return new ReminderSaveResult(ReminderSaveStatus.Saved, Id: rule.Id);
    }

    // The models and the service type must be the tenant's own (the query filter hides another tenant's), the type still offered.
    private static async Task CheckCareAsync(IRemindersDb db, ReminderRuleInput input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (input.Kind.IsCareKind() && input.ProductModelIds.Count > 0 && !errors.ContainsKey(nameof(input.ProductModelIds)))
        {
            var ids = input.ProductModelIds.Distinct().ToList();
            if (ids.Count > MaxModels || await db.ProductModels.CountAsync(m => ids.Contains(m.Id), cancellationToken) != ids.Count)
            {
                errors[nameof(input.ProductModelIds)] = "Reminders.Validation.Models";
            }
        }

        if (input.CreatesRequest && input.ServiceTypeId is { } typeId && !await db.ServiceTypes.AnyAsync(t => t.Id == typeId && !t.IsRetired, cancellationToken))
        {
            errors[nameof(input.ServiceTypeId)] = "Reminders.Validation.ServiceType";
        }
    }

    /// <summary>The tenant's active group robots, for the dialog's robot channel.</summary>
    public Task<IReadOnlyList<GroupRobot>> RobotsAsync(CancellationToken cancellationToken = default) => robots.ListAsync(cancellationToken);

    /// <summary>The most product models one rule names.</summary>
    public const int MaxModels = 50;

    /// <summary>The tenant's product models and offered service types, for the dialog's choices.</summary>
    public async Task<(IReadOnlyList<(Guid Id, string Code, string Name)> Models, IReadOnlyList<AfterSales.Modules.Service.ServiceType> Types)> CareChoicesAsync(
        CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var models = (await db.ProductModels.AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Id, m.Code, m.Name }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.Code, m.Name)).ToList();
        var types = await db.ServiceTypes.AsNoTracking().Where(t => !t.IsRetired).OrderBy(t => t.SortOrder).ThenBy(t => t.Code).ToListAsync(cancellationToken);
        return (models, types);
    }

    /// <summary>Turns a rule on (planned at once) or off (its pending reminders cancelled); false for an unknown or another tenant's rule.</summary>
    public async Task<bool> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken = default)
    {
        using (var db = dbFactory.Create())
        {
            var rule = await db.ReminderRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (rule is null)
            {
                return false;
            }

            rule.IsEnabled = enabled;
            rule.PlannedOn = null;
            rule.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync(cancellationToken);
        }

        await planner.PlanRuleAsync(id, cancellationToken);
        return true;
    }

    /// <summary>Deletes a rule with its planned reminders; the notifications it sent stay in the log.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rule = await db.ReminderRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return false;
        }

        await db.DueReminders.Where(r => r.RuleId == id).ExecuteDeleteAsync(cancellationToken);
        db.ReminderRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The rule's reminders due in the next <see cref="ReminderSchedule.HorizonDays"/> days (and pending ones overdue), soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingReminder>?> UpcomingAsync(Guid ruleId, int max = 500, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rule = await db.ReminderRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return null;
        }

        var today = ReminderSchedule.Today(clock.GetUtcNow(), Scheduling.VisitWindow.ZoneOf(tenantContext.Tenant));
        var until = today.AddDays(ReminderSchedule.HorizonDays);
        var due = db.DueReminders.AsNoTracking().Where(r => r.RuleId == ruleId && r.DueDate <= until
                                                            && (r.State == DueReminderState.Pending || (r.DueDate >= today && r.State == DueReminderState.Sent)));
        if (rule.Kind == ReminderKind.Birthday)
        {
            var rows = await (from r in due
                              join c in db.Customers.AsNoTracking() on r.CustomerId equals c.Id
                              orderby r.DueDate, c.Name
                              select new { r.Id, c.Code, c.Name, r.DueDate, r.OffsetDays, r.State, r.DueAt }).Take(max).ToListAsync(cancellationToken);
            return rows.Select(r => new UpcomingReminder(r.Id, r.Code, r.Name, r.DueDate, r.OffsetDays, r.DueDate.AddDays(r.OffsetDays), null, r.State, r.DueAt)).ToList();
        }

        if (rule.Kind.IsCareKind() || rule.Kind is ReminderKind.PurchaseAnniversary or ReminderKind.FollowUpAfterPurchase)
        {
            // The date shown beside each is the visit's or the replacement's day the reminder counts down to.
            var rows = await (from r in due
                              join s in db.SerialNumbers.AsNoTracking() on r.SerialNumberId equals s.Id
                              join c in db.Customers.AsNoTracking() on s.CustomerId equals c.Id into owners
                              from c in owners.DefaultIfEmpty()
                              orderby r.DueDate, s.Number
                              select new { r.Id, s.Number, Customer = c == null ? null : c.Name, r.DueDate, r.OffsetDays, r.State, r.DueAt })
                .Take(max).ToListAsync(cancellationToken);
            // A follow-up counts from the purchase before it, the others to their day after it.
            var sign = rule.Kind == ReminderKind.FollowUpAfterPurchase ? -1 : 1;
            return rows.Select(r => new UpcomingReminder(r.Id, r.Number, r.Customer, r.DueDate, r.OffsetDays, r.DueDate.AddDays(sign * r.OffsetDays), null, r.State, r.DueAt))
                .ToList();
        }

        if (rule.Kind.IsRequestKind() || rule.Kind == ReminderKind.FollowUpAfterClose)
        {
            return await (from r in due
                          join q in db.ServiceRequests.AsNoTracking() on r.ServiceRequestId equals q.Id
                          join c in db.Customers.AsNoTracking() on q.CustomerId equals c.Id into owners
                          from c in owners.DefaultIfEmpty()
                          orderby r.DueDate, q.Number
                          select new UpcomingReminder(r.Id, q.Number, c == null ? q.ContactName : c.Name, r.DueDate, r.OffsetDays, null,
                              r.BasisAt, r.State, r.DueAt))
                .Take(max).ToListAsync(cancellationToken);
        }

        return await (from r in due
                      join s in db.SerialNumbers.AsNoTracking() on r.SerialNumberId equals s.Id
                      join c in db.Customers.AsNoTracking() on s.CustomerId equals c.Id into owners
                      from c in owners.DefaultIfEmpty()
                      orderby r.DueDate, s.Number
                      select new UpcomingReminder(r.Id, s.Number, c == null ? null : c.Name, r.DueDate, r.OffsetDays, s.WarrantyEnd, null,
                          r.State, r.DueAt))
            .Take(max).ToListAsync(cancellationToken);
    }

    /// <summary>Reminders whose sending failed, still retrying or given up, or skipped at the plan's e-mail limit, newest first, with their rule's name and their subject.</summary>
    public async Task<IReadOnlyList<FailedReminder>> FailedAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await (from r in db.DueReminders.AsNoTracking()
                      join rule in db.ReminderRules.AsNoTracking() on r.RuleId equals rule.Id
                      join s in db.SerialNumbers.AsNoTracking() on r.SerialNumberId equals s.Id into units
                      from s in units.DefaultIfEmpty()
                      join q in db.ServiceRequests.AsNoTracking() on r.ServiceRequestId equals q.Id into requests
                      from q in requests.DefaultIfEmpty()
                      where (r.Note == ReminderSender.NoteFailed || r.Note == ReminderSender.NotePlanLimit) && r.State != DueReminderState.Sent
                      orderby r.Id descending
                      select new FailedReminder(r.Id, rule.Name, rule.Kind, s != null ? s.Number : q != null ? q.Number : "", r.DueDate, r.Attempts, r.State, r.DueAt, r.Note))
            .Take(max).ToListAsync(cancellationToken);
    }

    /// <summary>Sends a failed reminder again at the next scan, its attempts counted afresh; false when it is not a failed one of the tenant.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow().ToUniversalTime();
        return await db.DueReminders.Where(r => r.Id == id && r.Note == ReminderSender.NoteFailed && r.State != DueReminderState.Sent)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, DueReminderState.Pending).SetProperty(r => r.Attempts, 0).SetProperty(r => r.DueAt, now)
                .SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString("N")), cancellationToken) == 1;
    }

    /// <summary>Plans the rule now and sends what of it is due (quiet hours still apply); null for an unknown or another tenant's rule.</summary>
    public async Task<(int Planned, int Sent)?> RunNowAsync(Guid ruleId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(ruleId, cancellationToken) is null)
        {
            return null;
        }

        var planned = await planner.PlanRuleAsync(ruleId, cancellationToken);
        return (planned, await sender.SendDueAsync(ruleId, cancellationToken));
    }
}

/// <summary>A reminder the sender could not send: still retrying (pending, due again at <paramref name="DueAt"/>) or given up (cancelled).</summary>
public sealed record FailedReminder(long Id, string Rule, ReminderKind Kind, string Subject, DateOnly DueDate, int Attempts, DueReminderState State, DateTimeOffset DueAt, string? Note = null)
{
    public bool SkippedByPlan => Note == ReminderSender.NotePlanLimit;
}

public sealed record ReminderRuleRow(ReminderRule Rule, int Pending, int Sent);

/// <summary>A planned or sent reminder; <paramref name="Subject"/> is the unit's serial number or the request's number.</summary>
public sealed record UpcomingReminder(long Id, string Subject, string? Customer, DateOnly DueDate, int OffsetDays, DateOnly? WarrantyEnd,
    DateTimeOffset? BasisAt, DueReminderState State, DateTimeOffset DueAt);

public enum ReminderSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record ReminderSaveResult(ReminderSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null, Guid? Id = null);

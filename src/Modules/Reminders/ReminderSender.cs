using System.Globalization;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// Sends the current tenant's due reminders by writing notification outbox rows in the save that marks each reminder sent. The
/// reminder's concurrency stamp makes that save fail, outbox rows included, for a second scan sending the same reminder: it is
/// sent once however many scans race. The outbox poll then delivers, retries and logs the rows.
/// </summary>
public sealed class ReminderSender(
    IDbFactory<IRemindersDb> dbFactory, ITenantContext tenantContext, IAssigneeDirectory staff, ReminderPlanner planner, RequestDesk desk, TimeProvider clock,
    ILogger<ReminderSender> log, IPlanAllowance plan, ReminderWriteGate writes)
{
    public const int BatchSize = 200;

    /// <summary>Failures after which a reminder is given up (cancelled with the error noted).</summary>
    public const int MaxAttempts = 5;

    public const string NoteNoAddress = "Reminders.Note.NoAddress";
    public const string NoteExpired = "Reminders.Note.Expired";
    public const string NoteFailed = "Reminders.Note.Failed";
    public const string NotePlanLimit = "Reminders.Note.PlanLimit";

    private static readonly Func<Products.SerialNumber, CareUnit> CareUnitOf = CarePlanner.Unit.Compile();

    /// <summary>Sends every reminder of the tenant (of <paramref name="ruleId"/> only, when given) due by now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(Guid? ruleId = null, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        var seen = new HashSet<long>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            List<long> ids;
            using (var db = dbFactory.Create())
            {
                ids = await db.DueReminders.AsNoTracking()
                    .Where(r => r.State == DueReminderState.Pending && r.DueAt <= now && (ruleId == null || r.RuleId == ruleId))
                    .OrderBy(r => r.DueAt).Select(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            }

            // Rows left pending (lost to another scan, waiting out a failure) are not taken again in this run.
            var read = ids.Count;
            ids.RemoveAll(id => !seen.Add(id));
            if (ids.Count == 0)
            {
                break;
            }

            sent += await SendAsync(ids, cancellationToken);
            if (read < BatchSize)
            {
                // A short batch took every row due when it was read; rows falling due since are the next scan's.
                break;
            }
        }

        return sent;
    }

    /// <summary>
    /// Sends these reminders of the tenant if they are still pending and due; returns how many were sent. The batch is decided
    /// first and saved at once; when another scan or the admin changed one of them meanwhile, the batch is saved one reminder at
    /// a time so only that one is left to whoever changed it.
    /// </summary>
    public async Task<int> SendAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Tenant!;
        var zone = Scheduling.VisitWindow.ZoneOf(tenant);
        var culture = CultureInfo.GetCultureInfo(tenant.DefaultCulture);
        var zh = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        using var db = dbFactory.Create();
        var reminders = await db.DueReminders.Where(r => ids.Contains(r.Id) && r.State == DueReminderState.Pending).OrderBy(r => r.DueAt).ToListAsync(cancellationToken);
        var ruleIds = reminders.Select(r => r.RuleId).Distinct().ToList();
        var rules = await db.ReminderRules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var unitIds = reminders.Where(r => r.SerialNumberId != null).Select(r => r.SerialNumberId!.Value).Distinct().ToList();
        var units = unitIds.Count == 0 ? [] : await db.SerialNumbers.AsNoTracking().Include(s => s.Model).Where(s => unitIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var requestIds = reminders.Where(r => r.ServiceRequestId != null).Select(r => r.ServiceRequestId!.Value).Distinct().ToList();
        var requests = requestIds.Count == 0 ? [] : await db.ServiceRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var standings = requestIds.Count == 0 ? [] : await RequestReminderPlanner.StandingsAsync(db, requestIds, zone, cancellationToken);
        var customerIds = units.Values.Select(u => u.CustomerId).Concat(requests.Values.Select(r => r.CustomerId)).Concat(reminders.Select(r => r.CustomerId))
            .OfType<Guid>().Distinct().ToList();
        var customers = customerIds.Count == 0 ? [] : await db.Customers.AsNoTracking().Include(c => c.Contacts).Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var assigneeIds = requests.Values.Select(r => r.AssigneeId).OfType<string>().Distinct().ToList();
        var assignees = assigneeIds.Count == 0 ? [] : (await staff.ContactsAsync(assigneeIds, cancellationToken)).ToDictionary(c => c.UserId, StringComparer.Ordinal);
        // Care reminders hold while the unit still has them today: the planner's question asked again for the batch's units.
        var today = ReminderSchedule.Today(clock.GetUtcNow(), zone);
        var care = new Dictionary<Guid, HashSet<CareDue>>();
        var careUnits = rules.Values.Where(r => r.Kind.IsCareKind()).ToDictionary(rule => rule, rule => reminders
            .Where(r => r.RuleId == rule.Id && r.SerialNumberId != null).Select(r => units.GetValueOrDefault(r.SerialNumberId!.Value))
            .OfType<Products.SerialNumber>().DistinctBy(u => u.Id).Select(CareUnitOf).ToList());
        var lookups = careUnits.Count == 0
            ? null
            : await CareLookups.LoadAsync(db, careUnits.Keys.ToList(), today, cancellationToken, careUnits.Values.SelectMany(u => u).DistinctBy(u => u.Id).ToList());
        foreach (var (rule, ruleUnits) in careUnits)
        {
            care[rule.Id] = await CarePlanner.WantedAsync(db, rule, ruleUnits, today, cancellationToken, lookups);
        }

        // A replacement reminder names its consumable; one no longer in the lookups has lost its lifetime and is cancelled unsent.
        var consumables = (lookups?.Consumables ?? []).ToDictionary(c => c.Id, c => c.Name);
        var context = new SendContext(tenant.Name, zone, zh, units, requests, standings, customers, assignees,
            new Dictionary<string, IReadOnlyList<StaffContact>>(StringComparer.Ordinal), care, consumables);
        var replan = new HashSet<Guid>();
        var outcomes = new List<(DueReminder Reminder, Outcome Outcome)>();
        var now = clock.GetUtcNow();
        foreach (var reminder in reminders)
        {
            Outcome outcome;
            try
            {
                outcome = await DecideAsync(reminder, rules[reminder.RuleId], context, now, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                log.LogWarning(exception, "Reminder {Reminder} of tenant {Tenant} failed", reminder.Id, tenant.Identifier);
                outcome = Outcome.Failed;
            }

            if (outcome.Note == ReminderPlanner.NoteWarrantyChanged && reminder.SerialNumberId is { } unitId)
            {
                replan.Add(unitId);
            }

            outcomes.Add((reminder, outcome));
        }

        var sent = 0;
        var claimed = new HashSet<long>();
        // The allowance's counter and the batch are written in one turn (ReminderWriteGate).
        using (await writes.EnterAsync(db, cancellationToken))
        {
            await LimitEmailsAsync(outcomes, cancellationToken);
            foreach (var (reminder, outcome) in outcomes)
            {
                Apply(db, reminder, outcome, now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent = outcomes.Count(o => o.Outcome.Kind == OutcomeKind.Send);
                claimed.UnionWith(outcomes.Where(o => o.Outcome.Kind == OutcomeKind.Send).Select(o => o.Reminder.Id));
            }
            catch (DbUpdateException)
            {
                Forget(db);
                sent = await SaveOneByOneAsync(db, outcomes.Where(o => o.Outcome.Kind != OutcomeKind.Fail).Select(o => (o.Reminder.Id, o.Outcome)).ToList(), now, claimed,
                    cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
        // A planned request is opened only once its reminder is marked sent: a second scan's save fails before it gets here.
        foreach (var (reminder, outcome) in outcomes.Where(o => o.Outcome.Request is not null && claimed.Contains(o.Reminder.Id)))
        {
            if (!await CreateRequestAsync(db, reminder.Id, outcome.Request!(), now, cancellationToken))
            {
                sent--;
            }
        }

        foreach (var (reminder, _) in outcomes.Where(o => o.Outcome.Kind == OutcomeKind.Fail))
        {
            await FailAsync(db, reminder.Id, now, cancellationToken);
        }

        foreach (var unitId in replan)
        {
            await planner.PlanUnitAsync(unitId, cancellationToken);
        }

        return sent;
    }

    private async Task<Outcome> DecideAsync(DueReminder reminder, ReminderRule rule, SendContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!rule.IsEnabled)
        {
            return Outcome.Cancel(ReminderPlanner.NoteRuleDisabled);
        }

        if (!rule.Offsets.Contains(reminder.OffsetDays))
        {
            return Outcome.Cancel(ReminderPlanner.NoteRuleChanged);
        }

        var today = ReminderSchedule.Today(now, context.Zone);
        Customers.Customer? customer;
        Dictionary<string, string?> values;
        string link;
        IReadOnlyList<StaffContact> assignee = [];
        Func<FollowUpTask>? followUp = null;
        if (rule.Kind.IsCareEventKind())
        {
            var unit = reminder.SerialNumberId is { } unitId ? context.Units.GetValueOrDefault(unitId) : null;
            var request = reminder.ServiceRequestId is { } requestId ? context.Requests.GetValueOrDefault(requestId) : null;
            customer = (reminder.CustomerId ?? unit?.CustomerId ?? request?.CustomerId) is { } ownerId ? context.Customers.GetValueOrDefault(ownerId) : null;
            if (customer is null || !CareEventPlanner.Holds(rule, reminder, customer, unit, request, context.Zone))
            {
                return Outcome.Cancel(CareEventPlanner.NoteChanged);
            }

            (values, link) = CareEventValues.Of(rule.Kind, reminder, customer, unit, request, context.Zone, today, context.Company);
            if (rule.Kind.IsFollowUpKind())
            {
                // The task is written in the save that marks the reminder sent, so a rule opens it once however many scans race.
                var taskId = Guid.NewGuid();
                link = $"follow-ups/{taskId}";
                var (words, owner, unitId2, requestId2) = (values, customer.Id, unit?.Id, request?.Id);
                followUp = () => new FollowUpTask
                {
                    Id = taskId, CustomerId = owner, SerialNumberId = unitId2, ServiceRequestId = requestId2, RuleId = rule.Id, DueDate = reminder.DueDate,
                    Subject = Clip(NotificationRules.Render(context.Zh ? rule.SubjectZh : rule.SubjectEn, words), FollowUpDesk.SubjectLength)!,
                    Notes = Clip(NotificationRules.Render(context.Zh ? rule.BodyZh : rule.BodyEn, words), FollowUpDesk.NotesLength),
                    AssigneeRole = rule.StaffRole, CreatedAt = now, CreatedBy = rule.Name,
                };
            }
        }
        else if (rule.Kind.IsRequestKind())
        {
            var request = reminder.ServiceRequestId is { } requestId ? context.Requests.GetValueOrDefault(requestId) : null;
            var standing = reminder.ServiceRequestId is { } id ? context.Standings.GetValueOrDefault(id) : default;
            if (request is null || reminder.BasisAt is not { } basis || !RequestReminderSchedule.Holds(rule.Kind, basis, standing, now))
            {
                return Outcome.Cancel(RequestReminderPlanner.NoteMovedOn);
            }

            customer = request.CustomerId is { } customerId ? context.Customers.GetValueOrDefault(customerId) : null;
            if (rule.ToAssignee && request.AssigneeId is { } assigneeId && context.Assignees.GetValueOrDefault(assigneeId) is { } contact)
            {
                assignee = [contact];
            }

            var deadline = standing.Deadline;
            values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["number"] = request.Number,
                ["subject"] = request.Subject,
                ["customer"] = customer?.Name ?? request.ContactName,
                ["assignee"] = request.AssigneeName,
                ["deadline"] = deadline is { } d ? TimeZoneInfo.ConvertTime(d, context.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null,
                ["hours"] = deadline is { } h ? Math.Max(0, (int)Math.Round(Math.Abs((h - now).TotalHours))).ToString(CultureInfo.InvariantCulture) : null,
                ["days"] = standing.WaitingSince is { } since ? Math.Max(reminder.OffsetDays, (int)(now - since).TotalDays).ToString(CultureInfo.InvariantCulture) : null,
                ["company"] = context.Company,
            };
            link = $"requests/{Uri.EscapeDataString(request.Number)}";
        }
        else if (rule.Kind == ReminderKind.WarrantyExpiry)
        {
            var unit = reminder.SerialNumberId is { } unitId ? context.Units.GetValueOrDefault(unitId) : null;
            if (unit?.WarrantyEnd?.AddDays(-reminder.OffsetDays) != reminder.DueDate)
            {
                // Renewed or corrected since it was planned: the unit gets the reminders of its new end instead.
                return Outcome.Cancel(ReminderPlanner.NoteWarrantyChanged);
            }

            if (unit.WarrantyEnd < today)
            {
                return Outcome.Cancel(NoteExpired);
            }

            customer = unit.CustomerId is { } customerId ? context.Customers.GetValueOrDefault(customerId) : null;
            values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["serialNumber"] = unit.Number,
                ["model"] = unit.Model?.Name,
                ["customer"] = customer?.Name,
                ["warrantyEnd"] = unit.WarrantyEnd!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["days"] = (unit.WarrantyEnd!.Value.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture),
                ["company"] = context.Company,
            };
            link = $"warranty?sn={Uri.EscapeDataString(unit.Number)}";
        }

        else
        {
            var unit = reminder.SerialNumberId is { } unitId ? context.Units.GetValueOrDefault(unitId) : null;
            var day = reminder.DueDate.AddDays(reminder.OffsetDays);
            if (unit is null || !context.Care.GetValueOrDefault(rule.Id, []).Contains(new CareDue(unit.Id, reminder.ConsumableId, reminder.OffsetDays, reminder.DueDate, day)))
            {
                // Replaced early, out of warranty and agreement, or the plan changed: the planner gives the unit its new dates.
                return Outcome.Cancel(CarePlanner.NoteCareChanged);
            }

            customer = unit.CustomerId is { } customerId ? context.Customers.GetValueOrDefault(customerId) : null;
            values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["serialNumber"] = unit.Number,
                ["model"] = unit.Model?.Name,
                ["customer"] = customer?.Name,
                [rule.Kind == ReminderKind.MaintenancePlan ? "visitDate" : "dueDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["consumable"] = context.Consumables.GetValueOrDefault(reminder.ConsumableId),
                ["days"] = Math.Max(0, day.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture),
                ["company"] = context.Company,
            };
            link = $"warranty?sn={Uri.EscapeDataString(unit.Number)}";
            if (rule.Kind == ReminderKind.MaintenancePlan && rule.Action == MaintenanceAction.CreateRequest && rule.ServiceTypeId is { } typeId)
            {
                var planned = await RecipientsAsync(rule, customer, [], context.Roles, cancellationToken);
                var key0 = ReminderKinds.TemplateKey(rule.Kind);
                return Outcome.Send(planned, told => told.Select(r => Message(r, rule, key0, context.Zh, values, link, now)).ToList(), () => new RequestInput
                {
                    ServiceTypeId = typeId,
                    SerialNumber = unit.Number,
                    Channel = RequestChannels.Plan,
                    RequestedDate = day,
                    Subject = NotificationRules.Render(context.Zh ? rule.SubjectZh : rule.SubjectEn, values),
                    Description = NotificationRules.Render(context.Zh ? rule.BodyZh : rule.BodyEn, values),
                });
            }
        }

        if (ReminderSchedule.NotQuiet(now, context.Zone, rule.Quiet) is var allowed && allowed > now)
        {
            // Caught up during quiet hours (or the rule's hours changed since planning): it waits for the morning.
            return Outcome.Wait(allowed);
        }

        var recipients = await RecipientsAsync(rule, customer, assignee, context.Roles, cancellationToken);
        if (recipients.Count == 0 && followUp is null)
        {
            return Outcome.Cancel(NoteNoAddress);
        }

        var key = ReminderKinds.TemplateKey(rule.Kind);
        return Outcome.Send(recipients, told => told.Select(r => Message(r, rule, key, context.Zh, values, link, now)).ToList(), followUp: followUp);
    }

    private static void Apply(IRemindersDb db, DueReminder reminder, Outcome outcome, DateTimeOffset now)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Cancel:
                reminder.Cancel(outcome.Note!);
                break;
            case OutcomeKind.Wait:
                reminder.DueAt = outcome.WaitUntil!.Value;
                reminder.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                break;
            case OutcomeKind.Send:
                var messages = outcome.Build!(outcome.Recipients!);
                db.OutboxMessages.AddRange(messages);
                if (outcome.FollowUp is { } task)
                {
                    db.FollowUpTasks.Add(task());
                }

                reminder.State = DueReminderState.Sent;
                reminder.SentAt = now;
                reminder.Note = null;
                reminder.OutboxMessage = messages.FirstOrDefault();
                reminder.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                break;
        }
    }

    // The slow path after a lost race: each reminder still pending is saved on its own, the ones another scan took are left.
    private async Task<int> SaveOneByOneAsync(IRemindersDb db, IReadOnlyList<(long Id, Outcome Outcome)> outcomes, DateTimeOffset now, HashSet<long> claimed,
        CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var (id, outcome) in outcomes)
        {
            var reminder = await db.DueReminders.FirstOrDefaultAsync(r => r.Id == id && r.State == DueReminderState.Pending, cancellationToken);
            if (reminder is null)
            {
                continue;
            }

            Apply(db, reminder, outcome, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (outcome.Kind == OutcomeKind.Send)
                {
                    sent++;
                    claimed.Add(id);
                }
            }
            catch (DbUpdateException exception)
            {
                if (exception is not DbUpdateConcurrencyException)
                {
                    log.LogWarning(exception, "Reminder {Reminder} could not be saved", id);
                }

                Forget(db);
            }
        }

        return sent;
    }

    // The customer by e-mail (the contact with an address when the customer has none); the role's members on the rule's channels.
    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(ReminderRule rule, Customers.Customer? customer, IReadOnlyList<StaffContact> assignee,
        Dictionary<string, IReadOnlyList<StaffContact>> roles, CancellationToken cancellationToken)
    {
        var result = new List<Recipient>();
        foreach (var member in assignee)
        {
            AddStaff(result, rule, member);
        }

        if (rule.ToCustomer && rule.Channels.HasFlag(ReminderChannels.Sms) && customer is not null
            && (customer.Phone ?? customer.Contacts.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Phone))?.Phone) is { } phone && !string.IsNullOrWhiteSpace(phone))
        {
            result.Add(new Recipient(DeliveryChannel.Sms, phone.Trim(), customer.Name));
        }

        if (rule.Channels.HasFlag(ReminderChannels.Robot) && rule.RobotEndpointId is { } robot)
        {
            // The group hears of it whoever else does: the robot is its own audience.
            result.Add(new Recipient(DeliveryChannel.Robot, robot.ToString(), null));
        }

        if (rule.ToCustomer && rule.Channels.HasFlag(ReminderChannels.Email) && customer is not null)
        {
            var contact = customer.Contacts.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Email));
            if (!string.IsNullOrWhiteSpace(customer.Email))
            {
                result.Add(new Recipient(DeliveryChannel.Email, customer.Email.Trim(), customer.Name));
            }
            else if (contact is not null)
            {
                result.Add(new Recipient(DeliveryChannel.Email, contact.Email!.Trim(), contact.Name));
            }
        }

        if (rule.StaffRole is { } role)
        {
            if (!roles.TryGetValue(role, out var members))
            {
                roles[role] = members = await staff.InRoleAsync(role, cancellationToken);
            }

            foreach (var member in members)
            {
                AddStaff(result, rule, member);
            }
        }

        return result.DistinctBy(r => (r.Channel, r.Address.ToUpperInvariant())).ToList();
    }

    /// <summary>
    /// The plan's monthly reminder e-mails: the batch's e-mails are taken from the allowance at once, and only when that is refused
    /// reminder by reminder, oldest first, so the last ones within the limit still go. Past it a reminder's e-mails are dropped (in-app
    /// messages still go); one left telling no one is cancelled saying why, unless it opens a request or a follow-up task.
    /// </summary>
    private async Task LimitEmailsAsync(List<(DueReminder Reminder, Outcome Outcome)> outcomes, CancellationToken cancellationToken)
    {
        static int Emails(Outcome outcome) => outcome.Kind == OutcomeKind.Send ? outcome.Recipients!.Count(r => r.Channel == DeliveryChannel.Email) : 0;
        var total = outcomes.Sum(o => Emails(o.Outcome));
        if (total == 0 || await plan.TryTakeReminderEmailsAsync(total, cancellationToken))
        {
            return;
        }

        for (var i = 0; i < outcomes.Count; i++)
        {
            var (reminder, outcome) = outcomes[i];
            if (Emails(outcome) is var emails && (emails == 0 || await plan.TryTakeReminderEmailsAsync(emails, cancellationToken)))
            {
                continue;
            }

            var told = outcome.Recipients!.Where(r => r.Channel != DeliveryChannel.Email).ToList();
            outcomes[i] = (reminder, told.Count == 0 && outcome.Request is null && outcome.FollowUp is null
                ? Outcome.Cancel(NotePlanLimit)
                : outcome with { Recipients = told });
        }
    }

    private static void AddStaff(List<Recipient> result, ReminderRule rule, StaffContact member)
    {
        if (rule.Channels.HasFlag(ReminderChannels.InApp))
        {
            result.Add(new Recipient(DeliveryChannel.InApp, member.UserId, member.Name));
        }

        if (rule.Channels.HasFlag(ReminderChannels.Email) && !string.IsNullOrWhiteSpace(member.Email))
        {
            result.Add(new Recipient(DeliveryChannel.Email, member.Email.Trim(), member.Name));
        }
    }

    private static OutboxMessage Message(Recipient recipient, ReminderRule rule, string templateKey, bool zh, IReadOnlyDictionary<string, string?> values, string link,
        DateTimeOffset now)
    {
        var body = zh ? rule.BodyZh : rule.BodyEn;
        return new OutboxMessage
        {
            Channel = recipient.Channel,
            Recipient = recipient.Address,
            RecipientName = Clip(recipient.Name, 128),
            TemplateKey = templateKey,
            Subject = Clip(NotificationRules.Render(zh ? rule.SubjectZh : rule.SubjectEn, values), NotificationRules.SubjectLength)!,
            Body = Clip(recipient.Channel == DeliveryChannel.Email ? NotificationRules.Html(body, values) : NotificationRules.Render(body, values), NotificationRules.BodyLength)!,
            Link = link,
            CreatedAt = now,
            NextAttemptAt = now.ToUniversalTime(),
        };
    }

    // What one reminder added or changed is undone; the batch's other reminders stay tracked as loaded or saved.
    private static void Forget(IRemindersDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    // Tried again after the outbox's back-off, then given up with the failure noted for the admin.
    private static async Task FailAsync(IRemindersDb db, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminder = await db.DueReminders.FirstOrDefaultAsync(r => r.Id == id && r.State == DueReminderState.Pending, cancellationToken);
        if (reminder is null)
        {
            return;
        }

        reminder.Attempts++;
        reminder.Note = NoteFailed;
        reminder.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (NotificationRules.Backoff(reminder.Attempts) is { } wait && reminder.Attempts < MaxAttempts)
        {
            reminder.DueAt = (now + wait).ToUniversalTime();
        }
        else
        {
            reminder.State = DueReminderState.Cancelled;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Forget(db);
        }
    }

    // Opens the planned request through the service desk; when it is refused (the type retired, a required form field) the claim
    // is undone and the reminder fails, so the admin sees it among the failed ones and it is retried with back-off.
    private async Task<bool> CreateRequestAsync(IRemindersDb db, long id, RequestInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        RequestSaveResult result;
        try
        {
            result = await desk.CreateAsync(input, RequestActor.System, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.LogWarning(exception, "The planned request of reminder {Reminder} could not be created", id);
            result = RequestSaveResult.Of(RequestSaveStatus.Invalid);
        }

        if (result is { Status: RequestSaveStatus.Saved, Created: { } created })
        {
            await db.DueReminders.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.CreatedRequestId, created.Id), cancellationToken);
            return true;
        }

        log.LogWarning("The planned request of reminder {Reminder} was refused: {Errors}", id, string.Join(", ", result.Errors?.Values ?? []));
        await db.DueReminders.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.State, DueReminderState.Pending)
            .SetProperty(r => r.SentAt, (DateTimeOffset?)null).SetProperty(r => r.OutboxMessageId, (long?)null), cancellationToken);
        await FailAsync(db, id, now, cancellationToken);
        return false;
    }

    private static string? Clip(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;

    private sealed record Recipient(DeliveryChannel Channel, string Address, string? Name);

    private enum OutcomeKind
    {
        Send,
        Cancel,
        Wait,
        Fail,
    }

    // What the scan decided for one reminder; the messages are built when applied, so the one-by-one retry gets fresh rows.
    private sealed record Outcome(OutcomeKind Kind, string? Note = null, DateTimeOffset? WaitUntil = null, IReadOnlyList<Recipient>? Recipients = null,
        Func<IReadOnlyList<Recipient>, List<OutboxMessage>>? Build = null, Func<RequestInput>? Request = null, Func<FollowUpTask>? FollowUp = null)
    {
        public static readonly Outcome Failed = new(OutcomeKind.Fail);

        public static Outcome Cancel(string note) => new(OutcomeKind.Cancel, note);

        public static Outcome Wait(DateTimeOffset until) => new(OutcomeKind.Wait, WaitUntil: until);

        public static Outcome Send(IReadOnlyList<Recipient> recipients, Func<IReadOnlyList<Recipient>, List<OutboxMessage>> build, Func<RequestInput>? request = null,
            Func<FollowUpTask>? followUp = null) =>
            new(OutcomeKind.Send, Recipients: recipients, Build: build, Request: request, FollowUp: followUp);
    }

    private sealed record SendContext(string Company, TimeZoneInfo Zone, bool Zh, IReadOnlyDictionary<Guid, Products.SerialNumber> Units,
        IReadOnlyDictionary<Guid, ServiceRequest> Requests, IReadOnlyDictionary<Guid, RequestStanding> Standings, IReadOnlyDictionary<Guid, Customers.Customer> Customers,
        IReadOnlyDictionary<string, StaffContact> Assignees, Dictionary<string, IReadOnlyList<StaffContact>> Roles, IReadOnlyDictionary<Guid, HashSet<CareDue>> Care,
        IReadOnlyDictionary<Guid, string> Consumables);
}

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
    IDbFactory<IRemindersDb> dbFactory, ITenantContext tenantContext, IAssigneeDirectory staff, ReminderPlanner planner, TimeProvider clock,
    ILogger<ReminderSender> log)
{
    public const int BatchSize = 200;

    /// <summary>Failures after which a reminder is given up (cancelled with the error noted).</summary>
    public const int MaxAttempts = 5;

    public const string NoteNoAddress = "Reminders.Note.NoAddress";
    public const string NoteExpired = "Reminders.Note.Expired";
    public const string NoteFailed = "Reminders.Note.Failed";

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
            ids.RemoveAll(id => !seen.Add(id));
            if (ids.Count == 0)
            {
                break;
            }

            sent += await SendAsync(ids, cancellationToken);
        }

        return sent;
    }

    /// <summary>Sends these reminders of the tenant if they are still pending and due; returns how many were sent.</summary>
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
        var unitIds = reminders.Select(r => r.SerialNumberId).Distinct().ToList();
        var units = await db.SerialNumbers.AsNoTracking().Include(s => s.Model).Where(s => unitIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var customerIds = units.Values.Where(u => u.CustomerId != null).Select(u => u.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Include(c => c.Contacts).Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var roles = new Dictionary<string, IReadOnlyList<StaffContact>>(StringComparer.Ordinal);
        var replan = new HashSet<Guid>();
        var sent = 0;
        foreach (var reminder in reminders)
        {
            var now = clock.GetUtcNow();
            var rule = rules[reminder.RuleId];
            var unit = units.GetValueOrDefault(reminder.SerialNumberId);
            var today = ReminderSchedule.Today(now, zone);
            try
            {
                if (!rule.IsEnabled)
                {
                    Cancel(reminder, ReminderPlanner.NoteRuleDisabled);
                }
                else if (!rule.Offsets.Contains(reminder.OffsetDays))
                {
                    Cancel(reminder, ReminderPlanner.NoteRuleChanged);
                }
                else if (unit?.WarrantyEnd?.AddDays(-reminder.OffsetDays) != reminder.DueDate)
                {
                    // Renewed or corrected since it was planned: the unit gets the reminders of its new end instead.
                    Cancel(reminder, ReminderPlanner.NoteWarrantyChanged);
                    replan.Add(reminder.SerialNumberId);
                }
                else if (unit.WarrantyEnd < today)
                {
                    Cancel(reminder, NoteExpired);
                }
                else if (ReminderSchedule.NotQuiet(now, zone, rule.Quiet) is var allowed && allowed > now)
                {
                    // Caught up during quiet hours (or the rule's hours changed since planning): it waits for the morning.
                    reminder.DueAt = allowed;
                    reminder.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                }
                else
                {
                    var customer = unit.CustomerId is { } customerId ? customers.GetValueOrDefault(customerId) : null;
                    var recipients = await RecipientsAsync(rule, customer, roles, cancellationToken);
                    if (recipients.Count == 0)
                    {
                        Cancel(reminder, NoteNoAddress);
                    }
                    else
                    {
                        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
                        {
                            ["serialNumber"] = unit.Number,
                            ["model"] = unit.Model?.Name,
                            ["customer"] = customer?.Name,
                            ["warrantyEnd"] = unit.WarrantyEnd!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            ["days"] = (unit.WarrantyEnd!.Value.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture),
                            ["company"] = tenant.Name,
                        };
                        var messages = recipients.Select(r => Message(r, rule, zh, values, unit.Number, now)).ToList();
                        db.OutboxMessages.AddRange(messages);
                        reminder.State = DueReminderState.Sent;
                        reminder.SentAt = now;
                        reminder.OutboxMessage = messages[0];
                        reminder.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                sent += reminder.State == DueReminderState.Sent ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another scan sent (or the admin cancelled) it first; what this one wrote for it is dropped.
                Forget(db);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                log.LogWarning(exception, "Reminder {Reminder} of tenant {Tenant} failed", reminder.Id, tenant.Identifier);
                Forget(db);
                await FailAsync(db, reminder.Id, now, cancellationToken);
            }
        }

        foreach (var unitId in replan)
        {
            await planner.PlanUnitAsync(unitId, cancellationToken);
        }

        return sent;
    }

    // The customer by e-mail (the contact with an address when the customer has none); the role's members on the rule's channels.
    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(ReminderRule rule, Customers.Customer? customer,
        Dictionary<string, IReadOnlyList<StaffContact>> roles, CancellationToken cancellationToken)
    {
        var result = new List<Recipient>();
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
                if (rule.Channels.HasFlag(ReminderChannels.InApp))
                {
                    result.Add(new Recipient(DeliveryChannel.InApp, member.UserId, member.Name));
                }

                if (rule.Channels.HasFlag(ReminderChannels.Email) && !string.IsNullOrWhiteSpace(member.Email))
                {
                    result.Add(new Recipient(DeliveryChannel.Email, member.Email.Trim(), member.Name));
                }
            }
        }

        return result.DistinctBy(r => (r.Channel, r.Address.ToUpperInvariant())).ToList();
    }

    private static OutboxMessage Message(Recipient recipient, ReminderRule rule, bool zh, IReadOnlyDictionary<string, string?> values, string number, DateTimeOffset now)
    {
        var body = zh ? rule.BodyZh : rule.BodyEn;
        return new OutboxMessage
        {
            Channel = recipient.Channel,
            Recipient = recipient.Address,
            RecipientName = Clip(recipient.Name, 128),
            TemplateKey = ReminderRules.TemplateKey,
            Subject = Clip(NotificationRules.Render(zh ? rule.SubjectZh : rule.SubjectEn, values), NotificationRules.SubjectLength)!,
            Body = Clip(recipient.Channel == DeliveryChannel.Email ? NotificationRules.Html(body, values) : NotificationRules.Render(body, values), NotificationRules.BodyLength)!,
            Link = $"warranty?sn={Uri.EscapeDataString(number)}",
            CreatedAt = now,
            NextAttemptAt = now.ToUniversalTime(),
        };
    }

    private static void Cancel(DueReminder reminder, string note)
    {
        reminder.State = DueReminderState.Cancelled;
        reminder.Note = note;
        reminder.ConcurrencyStamp = Guid.NewGuid().ToString("N");
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

    private static string? Clip(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;

    private sealed record Recipient(DeliveryChannel Channel, string Address, string? Name);
}

using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>What the tenant admin manages: the wording of each notification, and the log of what was delivered.</summary>
public sealed class NotificationBook(IDbFactory<INotificationsDb> dbFactory, TimeProvider clock)
{
    /// <summary>Every template the tenant's notifications use: its own wording where it has one, the built-in one otherwise.</summary>
    public async Task<IReadOnlyList<TemplateView>> TemplatesAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var own = await db.NotificationTemplates.AsNoTracking().ToDictionaryAsync(t => t.Key, cancellationToken);
        return DefaultTemplates.All.Select(d => d.Key).Concat(own.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(key => own.TryGetValue(key, out var mine) ? new TemplateView(mine, true) : new TemplateView(DefaultTemplates.Find(key)!, false))
            .ToList();
    }

    /// <summary>The template of <paramref name="key"/> as the tenant's notifications use it, or null when the tenant has no such template.</summary>
    public async Task<TemplateView?> TemplateAsync(string key, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var own = await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        return own is not null ? new TemplateView(own, true) : DefaultTemplates.Find(key) is { } builtIn ? new TemplateView(builtIn, false) : null;
    }

    /// <summary>Saves the tenant's wording of <see cref="TemplateInput.Key"/>; <paramref name="loadedStamp"/> guards another admin's edit.</summary>
    public async Task<NotificationSaveResult> SaveTemplateAsync(TemplateInput input, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new NotificationSaveResult(NotificationSaveStatus.Invalid, errors);
        }

        using var db = dbFactory.Create();
        var key = input.Key!.Trim();
        var template = await db.NotificationTemplates.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (template?.ConcurrencyStamp != loadedStamp)
        {
            return new NotificationSaveResult(NotificationSaveStatus.Conflict);
        }

        if (template is null)
        {
            db.NotificationTemplates.Add(template = new NotificationTemplate { Key = key });
        }

        template.SubjectZh = input.SubjectZh!.Trim();
        template.SubjectEn = input.SubjectEn!.Trim();
        template.BodyZh = input.BodyZh!.Trim();
        template.BodyEn = input.BodyEn!.Trim();
        template.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new NotificationSaveResult(NotificationSaveStatus.Conflict);
        }

        return new NotificationSaveResult(NotificationSaveStatus.Saved);
    }

    /// <summary>Goes back to the built-in wording (a key without one is removed).</summary>
    public async Task<bool> ResetTemplateAsync(string key, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var template = await db.NotificationTemplates.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (template is null)
        {
            return false;
        }

        db.NotificationTemplates.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A page of the delivery log, newest first.</summary>
    public async Task<(IReadOnlyList<OutboxMessage> Items, int Total)> DeliveriesAsync(DeliveryStatus? status, DeliveryChannel? channel, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rows = db.OutboxMessages.AsNoTracking()
            .Where(m => (status == null || m.Status == status) && (channel == null || m.Channel == channel));
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(m => m.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>One delivery of the tenant, or null (another tenant's id is not found).</summary>
    public async Task<OutboxMessage?> DeliveryAsync(long id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>Puts a failed delivery back in the queue with its attempts reset; false for an id that is not the tenant's or not failed.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.Status == DeliveryStatus.Failed, cancellationToken);
        if (message is null)
        {
            return false;
        }

        message.Status = DeliveryStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow().ToUniversalTime();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Problems of a template, keyed by field: missing texts, lengths, unknown placeholders.</summary>
    public static Dictionary<string, string> Validate(TemplateInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Key) || input.Key.Trim().Length > NotificationRules.KeyLength)
        {
            errors[nameof(input.Key)] = "Notifications.Validation.Key";
        }

        foreach (var (field, text, length) in new[]
                 {
                     (nameof(input.SubjectZh), input.SubjectZh, NotificationRules.SubjectLength),
                     (nameof(input.SubjectEn), input.SubjectEn, NotificationRules.SubjectLength),
                     (nameof(input.BodyZh), input.BodyZh, NotificationRules.BodyLength),
                     (nameof(input.BodyEn), input.BodyEn, NotificationRules.BodyLength),
                 })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors[field] = "Notifications.Validation.Required";
            }
            else if (text.Trim().Length > length)
            {
                errors[field] = "Notifications.Validation.Length";
            }
            else if (NotificationRules.UnknownPlaceholders(text).Count > 0)
            {
                errors[field] = "Notifications.Validation.Placeholder";
            }
        }

        return errors;
    }
}

/// <summary>A template as the admin sees it; <see cref="IsOwn"/> when the tenant changed the built-in wording.</summary>
public sealed record TemplateView(NotificationTemplate Template, bool IsOwn)
{
    /// <summary>False for a key only the tenant wrote: resetting it deletes it, and workflows naming it fall back to the generic wording.</summary>
    public bool HasBuiltIn => DefaultTemplates.Find(Template.Key) is not null;
}

public sealed class TemplateInput
{
    public string? Key { get; set; }
    public string? SubjectZh { get; set; }
    public string? SubjectEn { get; set; }
    public string? BodyZh { get; set; }
    public string? BodyEn { get; set; }
}

public enum NotificationSaveStatus
{
    Saved,
    Invalid,
    Conflict,
}

public sealed record NotificationSaveResult(NotificationSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null);

using System.Text.Json.Nodes;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Modules.Webhooks;

/// <summary>The tenant admin's endpoints and the log of what was posted to them.</summary>
public sealed class WebhookBook(
    IDbFactory<IWebhooksDb> dbFactory, IDataProtectionProvider protection, ITenantContext tenantContext, IConfiguration configuration, TimeProvider clock)
{
    public async Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Creates an endpoint (<paramref name="id"/> null) or changes one loaded with <paramref name="loadedStamp"/>. A new generic endpoint
    /// gets a secret, returned once in <see cref="EndpointSaveResult.NewSecret"/>; robots keep the secret the admin typed, or the old one when left blank.
    /// </summary>
    public async Task<EndpointSaveResult> SaveAsync(Guid? id, EndpointInput input, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > WebhookRules.NameLength)
        {
            errors[nameof(input.Name)] = "Webhooks.Validation.Name";
        }

        if (WebhookRules.UrlError(input.Url) is { } urlError)
        {
            errors[nameof(input.Url)] = urlError;
        }
        else if (Uri.TryCreate(input.Url!.Trim(), UriKind.Absolute, out var uri) && uri.IsLoopback && !configuration.GetValue("Webhooks:AllowLoopback", false))
        {
            // A tenant must not make the servers call themselves; only a developer's machine allows it.
            errors[nameof(input.Url)] = "Webhooks.Validation.Loopback";
        }

        var events = string.Join(',', (input.Events ?? "*").Split([',', ' ', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct());
        if (events.Length is 0 or > 500 || events.Split(',').Any(e => e != "*" && !System.Text.RegularExpressions.Regex.IsMatch(e, "^[A-Za-z][A-Za-z0-9_.-]{0,63}$")))
        {
            errors[nameof(input.Events)] = "Webhooks.Validation.Events";
        }

        using var db = dbFactory.Create();
        var endpoint = id is null ? null : await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (id is not null && endpoint is null)
        {
            return new EndpointSaveResult(EndpointSaveStatus.NotFound);
        }

        var needsSecret = input.Kind is WebhookKind.DingTalk or WebhookKind.Feishu && (endpoint?.ProtectedSecret is null || endpoint.Kind != input.Kind);
        if (needsSecret && string.IsNullOrWhiteSpace(input.Secret))
        {
            errors[nameof(input.Secret)] = "Webhooks.Validation.Secret";
        }

        var name = input.Name?.Trim() ?? "";
        if (!errors.ContainsKey(nameof(input.Name)) && await db.WebhookEndpoints.AnyAsync(e => e.Name == name && e.Id != id, cancellationToken))
        {
            errors[nameof(input.Name)] = "Webhooks.Validation.NameTaken";
        }

        if (errors.Count > 0)
        {
            return new EndpointSaveResult(EndpointSaveStatus.Invalid, errors);
        }

        if (endpoint is not null && endpoint.ConcurrencyStamp != loadedStamp)
        {
            return new EndpointSaveResult(EndpointSaveStatus.Conflict);
        }

        if (endpoint is null)
        {
            db.WebhookEndpoints.Add(endpoint = new WebhookEndpoint { CreatedAt = clock.GetUtcNow() });
        }

        var secrets = WebhookSecrets.Protector(protection);
        string? shown = null;
        if (input.Kind == WebhookKind.Generic && (endpoint.ProtectedSecret is null || endpoint.Kind != WebhookKind.Generic))
        {
            shown = WebhookRules.NewSecret();
            endpoint.ProtectedSecret = secrets.Protect(shown);
        }
        else if (input.Kind == WebhookKind.WeCom)
        {
            endpoint.ProtectedSecret = null;
        }
        else if (input.Kind is WebhookKind.DingTalk or WebhookKind.Feishu && !string.IsNullOrWhiteSpace(input.Secret))
        {
            endpoint.ProtectedSecret = secrets.Protect(input.Secret.Trim());
        }

        endpoint.Name = name;
        endpoint.Url = input.Url!.Trim();
        endpoint.Kind = input.Kind;
        endpoint.Events = events;
        endpoint.IsActive = input.IsActive;
        endpoint.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        return new EndpointSaveResult(EndpointSaveStatus.Saved, Id: endpoint.Id, NewSecret: shown);
    }

    /// <summary>Deletes an endpoint and its log; false for an id that is not the tenant's.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return false;
        }

        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Queues a <c>ping</c> to the endpoint, so the admin sees in the log whether it answers; false for an id that is not the tenant's.</summary>
    public async Task<bool> PingAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return false;
        }

        var tenant = tenantContext.Tenant!;
        var now = clock.GetUtcNow();
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            EndpointId = id,
            Event = "ping",
            Payload = new JsonObject
            {
                ["event"] = "ping", ["occurredAt"] = now.ToString("O"), ["tenant"] = tenant.Identifier, ["company"] = tenant.Name,
                ["number"] = "ping", ["subject"] = "AfterSales Cloud", ["statusName"] = "ping", ["typeName"] = "", ["customer"] = "", ["assignee"] = "", ["link"] = "",
            }.ToJsonString(),
            CreatedAt = now,
            NextAttemptAt = now.ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A page of the log, newest first, optionally of one endpoint and one status.</summary>
    public async Task<(IReadOnlyList<WebhookDelivery> Items, int Total)> DeliveriesAsync(Guid? endpointId, DeliveryStatus? status, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rows = db.WebhookDeliveries.AsNoTracking().Where(d => (endpointId == null || d.EndpointId == endpointId) && (status == null || d.Status == status));
        return (await rows.OrderByDescending(d => d.Id).Skip(skip).Take(take).ToListAsync(cancellationToken), await rows.CountAsync(cancellationToken));
    }

    /// <summary>Posts a delivery again (sent or failed) with its attempts reset; false for an id that is not the tenant's.</summary>
    public async Task<bool> RedeliverAsync(long id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id && d.Status != DeliveryStatus.Pending, cancellationToken);
        if (delivery is null)
        {
            return false;
        }

        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow().ToUniversalTime();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

public sealed class EndpointInput
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public WebhookKind Kind { get; set; }
    public string? Secret { get; set; }
    public string? Events { get; set; } = "*";
    public bool IsActive { get; set; } = true;
}

public enum EndpointSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record EndpointSaveResult(EndpointSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null, Guid? Id = null, string? NewSecret = null);

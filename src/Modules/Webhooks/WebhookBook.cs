using System.Text.Json.Nodes;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Workflow;
using AfterSales.Tenancy;
using AfterSales.Workflows.Actions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Modules.Webhooks;

/// <summary>The tenant admin's endpoints and the log of what was posted to them.</summary>
public sealed class WebhookBook(
    IDbFactory<IWebhooksDb> dbFactory, IDataProtectionProvider protection, ITenantContext tenantContext, IConfiguration configuration, TimeProvider clock,
    WorkflowBook workflows)
{
    public async Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);
    }

    /// <summary>One endpoint; null for an id that is not the tenant's.</summary>
    public async Task<WebhookEndpoint?> EndpointAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>
    /// The event names the tenant's workflows (published versions and open drafts) give their "call webhook" actions, for the admin
    /// choosing what an endpoint hears.
    /// </summary>
    public async Task<IReadOnlyList<string>> WorkflowEventsAsync(CancellationToken cancellationToken = default)
    {
        var events = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var workflow in await workflows.ListAsync(cancellationToken))
        {
            foreach (var version in new[] { workflow.PublishedVersion, workflow.DraftVersion }.OfType<int>())
            {
                if (await workflows.FindAsync(workflow.Key, version, cancellationToken) is { } definition)
                {
                    var actions = definition.Statuses.SelectMany(s => s.EntryActions.Concat(s.ExitActions))
                        .Concat(definition.Transitions.SelectMany(t => t.Actions)).Concat(definition.Timers.SelectMany(t => t.Actions));
                    events.UnionWith(actions.OfType<CallWebhookAction>().Select(WebhookHandler.EventOf));
                }
            }
        }

        return [.. events];
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
        else if (WebhookAddresses.NamesInternalHost(new Uri(input.Url!.Trim())) && !configuration.GetValue(WebhookAddresses.AllowPrivateNetworksKey, false))
        {
            // Refused here to tell the admin at once; the connection checks again after DNS, where a name can lead anywhere.
            errors[nameof(input.Url)] = "Webhooks.Validation.Internal";
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
        if (input.Kind == WebhookKind.Generic && (endpoint.ProtectedSecret is null || endpoint.Kind != WebhookKind.Generic || input.NewSecret))
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
            Event = WebhookRules.PingEvent,
            Payload = new JsonObject
            {
                ["event"] = WebhookRules.PingEvent, ["occurredAt"] = now.ToString("O"), ["tenant"] = tenant.Identifier, ["company"] = tenant.Name,
                ["number"] = "ping", ["subject"] = "AfterSales Cloud", ["statusName"] = "ping", ["typeName"] = "", ["customer"] = "", ["assignee"] = "", ["link"] = "",
            }.ToJsonString(),
            CreatedAt = now,
            NextAttemptAt = now.ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A page of the log, newest first, narrowed by <paramref name="filter"/>.</summary>
    public async Task<(IReadOnlyList<WebhookDelivery> Items, int Total)> DeliveriesAsync(DeliveryFilter filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rows = db.WebhookDeliveries.AsNoTracking();
        if (filter.EndpointId is { } endpointId)
        {
            rows = rows.Where(d => d.EndpointId == endpointId);
        }

        if (filter.Status is { } status)
        {
            rows = rows.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Event))
        {
            var eventName = filter.Event.Trim();
            rows = rows.Where(d => d.Event == eventName);
        }

        if (!string.IsNullOrWhiteSpace(filter.RequestNumber))
        {
            var number = filter.RequestNumber.Trim().ToUpperInvariant();
            rows = rows.Where(d => d.RequestNumber == number);
        }

        return (await rows.OrderByDescending(d => d.Id).Skip(skip).Take(take).ToListAsync(cancellationToken), await rows.CountAsync(cancellationToken));
    }

    /// <summary>One delivery; null for an id that is not the tenant's.</summary>
    public async Task<WebhookDelivery?> DeliveryAsync(long id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
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

    /// <summary>A generic endpoint gets a new secret (shown once), e.g. when the old one was lost or leaked.</summary>
    public bool NewSecret { get; set; }
}

/// <summary>What the delivery log shows: all of it, or one endpoint's, status's, event's or request's.</summary>
public sealed record DeliveryFilter(Guid? EndpointId = null, DeliveryStatus? Status = null, string? Event = null, string? RequestNumber = null);

public enum EndpointSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record EndpointSaveResult(EndpointSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null, Guid? Id = null, string? NewSecret = null);

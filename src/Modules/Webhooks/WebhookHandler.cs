using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using AfterSales.Workflows.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Modules.Webhooks;

/// <summary>
/// The workflow's "call webhook": only the tenant's configured endpoints are called — the one the action names (by its URL, or
/// <c>endpoint:{name}</c>; <c>endpoint:*</c> names none) and every active endpoint that hears the action's event — so a workflow
/// cannot post the tenant's data to an address no admin approved. One delivery row per endpoint goes into the transition's unit of work.
/// </summary>
public sealed class WebhookHandler(CustomerDirectory customers, ITenantContext tenantContext, IConfiguration configuration) : IRequestActionHandler
{
    public const string DefaultEvent = "request.changed";

    /// <summary>The prefix of an action's URL that names an endpoint instead of an address.</summary>
    public const string EndpointPrefix = "endpoint:";

    /// <summary>The action's URL that names no endpoint: only those hearing the event get it.</summary>
    public const string Listeners = EndpointPrefix + "*";

    /// <summary>The event an action sends: its own, or <see cref="DefaultEvent"/>.</summary>
    public static string EventOf(CallWebhookAction action)
    {
        var name = string.IsNullOrWhiteSpace(action.Event) ? DefaultEvent : action.Event.Trim();
        return name.Length > 64 ? name[..64] : name;
    }

    public bool CanHandle(WorkflowAction action) => action is CallWebhookAction;

    public async Task HandleAsync(RequestActionContext context, CancellationToken cancellationToken)
    {
        var call = (CallWebhookAction)context.Action;
        var eventName = EventOf(call);
        var db = context.Database<IWebhooksDb>();
        var target = call.Url.Trim();
        var named = target.StartsWith(EndpointPrefix, StringComparison.OrdinalIgnoreCase) ? target[EndpointPrefix.Length..].Trim() : null;
        var active = await db.WebhookEndpoints.AsNoTracking().Where(e => e.IsActive).ToListAsync(cancellationToken);
        bool Named(WebhookEndpoint e) => named is null ? e.Url == target : named != "*" && e.Name == named;
        var zh = tenantContext.Tenant!.DefaultCulture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        if (named != "*" && !active.Any(Named))
        {
            context.Note(zh ? $"未调用 Webhook {target}：没有启用的对应端点。" : $"Webhook {target} not called: no active endpoint matches it.");
        }

        // Two actions of one transition with the same event reach an endpoint that hears it once.
        var targets = active.Where(e => (Named(e) || e.Hears(eventName)) && !db.WebhookDeliveries.Local.Any(d =>
            d.EndpointId == e.Id && d.Event == eventName && d.RequestNumber == context.Request.Number && d.CreatedAt == context.Now)).ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var payload = await PayloadAsync(context, eventName, zh, cancellationToken);
        foreach (var endpoint in targets)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                EndpointId = endpoint.Id,
                Event = eventName,
                Payload = payload,
                RequestNumber = context.Request.Number,
                CreatedAt = context.Now,
                NextAttemptAt = context.Now.ToUniversalTime(),
            });
        }
    }

    private async Task<string> PayloadAsync(RequestActionContext context, string eventName, bool zh, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var tenant = tenantContext.Tenant!;
        var type = request.ServiceType ?? await context.Db.ServiceTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.ServiceTypeId, cancellationToken);
        var customer = request.CustomerId is { } id ? await customers.GetAsync(id, cancellationToken) : null;
        // Receivers are elsewhere, so the link needs the service's public address: the one notifications use, or the API's issuer.
        var baseUrl = (configuration["Notifications:PublicBaseUrl"] ?? configuration["Api:Issuer"])?.TrimEnd('/');
        return new JsonObject
        {
            ["event"] = eventName,
            ["occurredAt"] = context.Now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["tenant"] = tenant.Identifier,
            ["company"] = tenant.Name,
            ["number"] = request.Number,
            ["subject"] = request.Subject,
            ["status"] = request.Status,
            ["statusName"] = zh ? context.StatusName.Zh : context.StatusName.En,
            ["type"] = type?.Code,
            ["typeName"] = type?.NameIn(CultureInfo.GetCultureInfo(zh ? "zh-CN" : "en")),
            ["priority"] = request.Priority.ToString(),
            ["customer"] = customer?.Name ?? request.ContactName,
            ["assignee"] = request.AssigneeName,
            ["locked"] = request.IsLocked,
            ["link"] = $"{baseUrl}/t/{tenant.Identifier}/requests/{request.Number}",
        }.ToJsonString();
    }
}

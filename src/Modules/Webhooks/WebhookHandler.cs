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
/// <c>endpoint:{name}</c>) and every active endpoint that hears the action's event — so a workflow cannot post the tenant's data
/// to an address no admin approved. One delivery row per endpoint goes into the transition's unit of work.
/// </summary>
public sealed class WebhookHandler(CustomerDirectory customers, ITenantContext tenantContext, IConfiguration configuration) : IRequestActionHandler
{
    public const string DefaultEvent = "request.changed";

    public bool CanHandle(WorkflowAction action) => action is CallWebhookAction;

    public async Task HandleAsync(RequestActionContext context, CancellationToken cancellationToken)
    {
        var call = (CallWebhookAction)context.Action;
        var eventName = string.IsNullOrWhiteSpace(call.Event) ? DefaultEvent : call.Event.Trim();
        var db = context.Database<IWebhooksDb>();
        var named = call.Url.StartsWith("endpoint:", StringComparison.OrdinalIgnoreCase) ? call.Url["endpoint:".Length..].Trim() : null;
        var active = await db.WebhookEndpoints.AsNoTracking().Where(e => e.IsActive).ToListAsync(cancellationToken);
        var targets = active.Where(e => (named is not null ? e.Name == named : e.Url == call.Url.Trim()) || e.Hears(eventName)).ToList();
        var zh = tenantContext.Tenant!.DefaultCulture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        if (targets.Count == 0)
        {
            context.Note(zh ? $"未调用 Webhook {call.Url}：没有启用的对应端点。" : $"Webhook {call.Url} not called: no active endpoint matches it.");
            return;
        }

        var payload = await PayloadAsync(context, eventName, zh, cancellationToken);
        foreach (var endpoint in targets)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                EndpointId = endpoint.Id,
                Event = eventName.Length > 64 ? eventName[..64] : eventName,
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
        var baseUrl = configuration["Notifications:PublicBaseUrl"]?.TrimEnd('/');
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

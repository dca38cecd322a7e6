using System.Diagnostics;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AfterSales.Modules.Webhooks;

/// <summary>
/// Posts the webhook deliveries of every tenant that are due, claimed for a while first so replicas do not post the same one.
/// A receiver may still see a delivery twice (a replica dying after the post), which is why each carries its id in a header.
/// </summary>
public sealed class WebhookPoll(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, IHttpClientFactory http, IDataProtectionProvider protection, TimeProvider clock, ILogger<WebhookPoll> log)
{
    public const string ClientName = "webhooks";
    public const int BatchSize = 100;

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Posts every delivery due now; returns how many the endpoints accepted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var accepted = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ClaimAsync(cancellationToken);
            foreach (var tenant in batch.GroupBy(d => d.TenantId))
            {
                accepted += await PostAsync(tenant.Key, tenant.Select(d => d.Id).ToList(), cancellationToken);
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return accepted;
    }

    private async Task<IReadOnlyList<(long Id, string TenantId)>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IWebhooksDb>>().Create();
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        var rows = db.WebhookDeliveries.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]);
        var due = await rows.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var until = now + ClaimFor;
        await rows.Where(d => due.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntil, until), cancellationToken);
        return (await rows.Where(d => due.Contains(d.Id) && d.ClaimToken == token).Select(d => new { d.Id, d.TenantId }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, d.TenantId)).ToList();
    }

    private async Task<int> PostAsync(string tenantId, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (await tenantScopes.CreateScopeAsync(tenantId, "webhooks", cancellationToken) is not { } opened)
        {
            return 0;
        }

        await using var scope = opened;
        var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IWebhooksDb>>().Create();
        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Pending).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var endpointIds = deliveries.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var client = http.CreateClient(ClientName);
        var secrets = WebhookSecrets.Protector(protection);
        var accepted = 0;
        foreach (var delivery in deliveries)
        {
            var now = clock.GetUtcNow();
            var watch = Stopwatch.StartNew();
            try
            {
                var endpoint = endpoints[delivery.EndpointId];
                var secret = endpoint.ProtectedSecret is { } protectedSecret ? secrets.Unprotect(protectedSecret) : null;
                using var request = WebhookRules.Request(endpoint.Kind, endpoint.Url, secret, delivery.Event, delivery.Id, delivery.Payload, now);
                using var response = await client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                delivery.ResponseStatus = (int)response.StatusCode;
                delivery.Response = body.Length > WebhookRules.ResponseLength ? body[..WebhookRules.ResponseLength] : body;
                if (WebhookRules.Accepted(endpoint.Kind, response.StatusCode, body))
                {
                    delivery.Attempts++;
                    delivery.Status = DeliveryStatus.Sent;
                    delivery.SentAt = now;
                    delivery.LastError = null;
                    accepted++;
                }
                else
                {
                    NotificationRules.Fail(delivery, $"HTTP {(int)response.StatusCode}", now);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Security.Cryptography.CryptographicException)
            {
                log.LogWarning(exception, "Webhook delivery {Delivery} of tenant {Tenant} failed", delivery.Id, tenant.Identifier);
                NotificationRules.Fail(delivery, exception is TaskCanceledException ? "Timed out" : exception.Message, now);
            }

            delivery.DurationMs = (int)watch.ElapsedMilliseconds;
            delivery.ClaimedUntil = null;
            delivery.ClaimToken = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return accepted;
    }
}

/// <summary>The Quartz job that runs <see cref="WebhookPoll"/>; one run at a time per replica.</summary>
[DisallowConcurrentExecution]
public sealed class WebhookJob(WebhookPoll poll) : IJob
{
    public static readonly JobKey Key = new("webhook-deliveries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await poll.RunAsync(cancellationToken);
}

/// <summary>Endpoint secrets at rest: protected with the application's data-protection keys, which every replica shares.</summary>
public static class WebhookSecrets
{
    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector("AfterSales.Webhooks.Secret.v1");
}

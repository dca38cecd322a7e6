using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Webhooks;

/// <summary>
/// Posts the webhook deliveries of every tenant that are due, claimed for a while first so replicas do not post the same one.
/// A receiver may still see a delivery twice (a replica dying after the post), which is why each carries its id in a header.
/// </summary>
public sealed class WebhookPoll(
    IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, IHttpClientFactory http, IDataProtectionProvider protection, TimeProvider clock, ILogger<WebhookPoll> log)
{
    public const string ClientName = "webhooks";
    public const int BatchSize = 100;

    /// <summary>Calls in flight at once: one receiver that hangs for its whole timeout must not hold up every other tenant's calls.</summary>
    public const int CallsAtOnce = 8;

    /// <summary>A receiver that has not answered by then is tried again later.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    // The claim outlasts a batch in which every call times out, so no other replica takes a row this one may still be posting.
    private static readonly TimeSpan ClaimFor = CallTimeout * Math.Ceiling((double)BatchSize / CallsAtOnce) + TimeSpan.FromMinutes(1);

    /// <summary>Posts every delivery due now; returns how many the endpoints accepted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var accepted = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (token, batch) = await ClaimAsync(cancellationToken);
            foreach (var tenant in batch.GroupBy(d => d.TenantId))
            {
                accepted += await PostAsync(tenant.Key, [.. tenant.Select(d => d.Id)], token, cancellationToken);
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return accepted;
    }

    private async Task<(Guid Token, IReadOnlyList<(long Id, string TenantId)> Batch)> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IWebhooksDb>>().Create();
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        // The one query that crosses tenants: which deliveries are due. Each is then posted inside its own tenant's scope.
        var rows = db.WebhookDeliveries.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]);
        var due = await rows.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (token, []);
        }

        var until = now + ClaimFor;
        await rows.Where(d => due.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntil, until), cancellationToken);
        var claimed = await rows.Where(d => due.Contains(d.Id) && d.ClaimToken == token).Select(d => new { d.Id, d.TenantId }).ToListAsync(cancellationToken);
        return (token, [.. claimed.Select(d => (d.Id, d.TenantId))]);
    }

    private async Task<int> PostAsync(string tenantId, IReadOnlyList<long> ids, Guid token, CancellationToken cancellationToken)
    {
        if (await tenantScopes.CreateScopeAsync(tenantId, "webhooks", cancellationToken) is not { } opened)
        {
            return 0;
        }

        await using var scope = opened;
        var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IWebhooksDb>>().Create();
        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Pending && d.ClaimToken == token)
            .OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var endpointIds = deliveries.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);

        // The calls go out together; their outcomes are written afterwards, by this thread alone, as the context requires.
        var client = http.CreateClient(ClientName);
        var secrets = WebhookSecrets.Protector(protection);
        var attempts = new Attempt[deliveries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, deliveries.Count), new ParallelOptions { MaxDegreeOfParallelism = CallsAtOnce, CancellationToken = cancellationToken },
            async (i, callToken) => attempts[i] = await CallAsync(client, secrets, endpoints.GetValueOrDefault(deliveries[i].EndpointId), deliveries[i], tenant, callToken));

        var accepted = 0;
        for (var i = 0; i < deliveries.Count; i++)
        {
            accepted += Record(deliveries[i], attempts[i]) ? 1 : 0;
        }

        await SaveAsync(db, cancellationToken);
        return accepted;
    }

    private async Task<Attempt> CallAsync(HttpClient client, IDataProtector secrets, WebhookEndpoint? endpoint, WebhookDelivery delivery, TenantInfo tenant,
        CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        if (endpoint is null || (!endpoint.IsActive && delivery.Event != WebhookRules.PingEvent))
        {
            // An admin switched the endpoint off: it hears nothing more, retries included, until someone sends the delivery again.
            return new Attempt(at, 0, null, null, "The endpoint is switched off", GiveUp: true);
        }

        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        try
        {
            var secret = endpoint.ProtectedSecret is { } protectedSecret ? secrets.Unprotect(protectedSecret) : null;
            using var request = WebhookRules.Request(endpoint.Kind, endpoint.Url, secret, delivery.Event, delivery.Id, delivery.Payload, at);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await StartOfAsync(response.Content, timeout.Token);
            var status = (int)response.StatusCode;
            // A robot answers 200 with its own error code (a wrong signature, a removed robot): its words say why.
            var error = WebhookRules.Accepted(endpoint.Kind, response.StatusCode, body) ? null
                : status is >= 200 and <= 299 ? $"HTTP {status}: {(body.Length > 200 ? body[..200] : body)}" : $"HTTP {status}";
            return new Attempt(at, (int)watch.ElapsedMilliseconds, status, body, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(at, (int)watch.ElapsedMilliseconds, null, null, $"No answer within {CallTimeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // IOException: the connection dropped while the answer was being read, after the receiver may have acted on the call.
            log.LogWarning(exception, "Webhook delivery {Delivery} of tenant {Tenant} failed", delivery.Id, tenant.Identifier);
            return new Attempt(at, (int)watch.ElapsedMilliseconds, null, null, exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message);
        }
        catch (CryptographicException exception)
        {
            log.LogError(exception, "The secret of webhook endpoint {Endpoint} of tenant {Tenant} cannot be read", endpoint.Id, tenant.Identifier);
            return new Attempt(at, 0, null, null, "The signing secret cannot be read (the data-protection keys changed); enter or generate it again");
        }
    }

    private static bool Record(WebhookDelivery delivery, Attempt attempt)
    {
        if (!attempt.GiveUp)
        {
            delivery.ResponseStatus = attempt.Status;
            delivery.Response = attempt.Response;
            delivery.DurationMs = attempt.DurationMs;
        }

        delivery.ClaimedUntil = null;
        delivery.ClaimToken = null;
        if (attempt.Error is null)
        {
            delivery.Attempts++;
            delivery.Status = DeliveryStatus.Sent;
            delivery.SentAt = attempt.At;
            delivery.LastError = null;
            return true;
        }

        NotificationRules.Fail(delivery, attempt.Error, attempt.At, attempt.GiveUp ? _ => null : WebhookRules.Backoff);
        return false;
    }

    // An endpoint deleted while its calls were out took its deliveries with it; the others' outcomes are still stored.
    private static async Task SaveAsync(IWebhooksDb db, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException gone) when (gone.Entries.Count > 0)
            {
                foreach (var entry in gone.Entries)
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    private static async Task<string> StartOfAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookRules.ResponseLength];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private sealed record Attempt(DateTimeOffset At, int DurationMs, int? Status, string? Response, string? Error, bool GiveUp = false);
}

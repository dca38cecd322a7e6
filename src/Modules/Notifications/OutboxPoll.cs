using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AfterSales.Modules.Notifications;

/// <summary>
/// Delivers the outbox of every tenant. Rows are claimed for a while before delivery, so replicas rarely take the same row;
/// a bell notification is written with its row marked sent in one save, so it appears once. An e-mail is sent and then marked:
/// a replica that dies between the two sends that mail again after the claim runs out, the only case of a duplicate.
/// </summary>
public sealed class OutboxPoll(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, InboxSignal signal, TimeProvider clock, ILogger<OutboxPoll> log)
{
    public const int BatchSize = 200;

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Delivers every row due now; returns how many were delivered.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ClaimAsync(cancellationToken);
            foreach (var tenant in batch.GroupBy(m => m.TenantId))
            {
                delivered += await DeliverAsync(tenant.Key, tenant.Select(m => m.Id).ToList(), cancellationToken);
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return delivered;
    }

    private async Task<IReadOnlyList<(long Id, string TenantId)>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<INotificationsDb>>().Create();
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        // The one query across tenants; each row is then delivered in its own tenant's scope.
        var rows = db.OutboxMessages.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]);
        var due = await rows.Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var until = now + ClaimFor;
        await rows.Where(m => due.Contains(m.Id) && m.Status == DeliveryStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        return (await rows.Where(m => due.Contains(m.Id) && m.ClaimToken == token).Select(m => new { m.Id, m.TenantId }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.TenantId)).ToList();
    }

    private async Task<int> DeliverAsync(string tenantId, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (await tenantScopes.CreateScopeAsync(tenantId, "outbox", cancellationToken) is not { } opened)
        {
            return 0;
        }

        await using var scope = opened;
        var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
        var mail = scope.ServiceProvider.GetRequiredService<TenantMail>();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<INotificationsDb>>().Create();
        var messages = await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.Status == DeliveryStatus.Pending).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var delivered = 0;
        var readers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var now = clock.GetUtcNow();
            try
            {
                if (message.Channel == DeliveryChannel.InApp)
                {
                    db.StaffNotifications.Add(new StaffNotification
                    {
                        UserId = message.Recipient, Title = message.Subject, Body = message.Body, Link = message.Link, CreatedAt = now,
                    });
                    readers.Add(message.Recipient);
                }
                else if (message.Channel == DeliveryChannel.Sms)
                {
                    await scope.ServiceProvider.GetRequiredService<ISmsSender>().SendAsync(message.Recipient, message.Body, cancellationToken);
                }
                else if (message.Channel == DeliveryChannel.Robot)
                {
                    var endpointId = Guid.Parse(message.Recipient);
                    await scope.ServiceProvider.GetRequiredService<IGroupRobots>().PostAsync(endpointId, message.Subject, message.Body, cancellationToken);
                }
                else
                {
                    await mail.SendAsync(message.Recipient, message.Subject, message.Body, cancellationToken);
                }

                message.Status = DeliveryStatus.Sent;
                message.SentAt = now;
                message.Attempts++;
                message.LastError = null;
                delivered++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                log.LogWarning(exception, "Delivery {Message} of tenant {Tenant} to {Recipient} failed", message.Id, tenant.Identifier, message.Recipient);
                NotificationRules.Fail(message, exception.Message, now);
            }

            message.ClaimedUntil = null;
            message.ClaimToken = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var reader in readers)
        {
            signal.Notify(tenantId, reader);
        }

        return delivered;
    }
}

/// <summary>The Quartz job that runs <see cref="OutboxPoll"/>; one run at a time per replica.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxJob(OutboxPoll poll) : IJob
{
    public static readonly JobKey Key = new("notification-outbox");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await poll.RunAsync(cancellationToken);
}

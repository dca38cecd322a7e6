using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Webhooks;

/// <summary>What the webhooks feature sees of the database.</summary>
public interface IWebhooksDb : IDisposable
{
    DbSet<WebhookEndpoint> WebhookEndpoints { get; }
    DbSet<WebhookDelivery> WebhookDeliveries { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

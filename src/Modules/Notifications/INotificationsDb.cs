using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>What the notifications feature sees of the database.</summary>
public interface INotificationsDb : IDisposable
{
    DbSet<StaffNotification> StaffNotifications { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<NotificationTemplate> NotificationTemplates { get; }

    /// <summary>A tenant's own SMTP server, at most one row per tenant.</summary>
    DbSet<TenantMailSettings> TenantMailSettings { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

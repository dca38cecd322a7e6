using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>What the notifications feature sees of the database.</summary>
public interface INotificationsDb : IDisposable
{
    DbSet<StaffNotification> StaffNotifications { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<NotificationTemplate> NotificationTemplates { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>The signed-in staff member's notifications: only their own, in their tenant.</summary>
public sealed class StaffInbox(IDbFactory<INotificationsDb> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int PageSize = 20;

    private string User => currentUser.Id ?? throw new InvalidOperationException("The inbox belongs to a signed-in user.");

    public async Task<int> UnreadAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.StaffNotifications.CountAsync(n => n.UserId == User && n.ReadAt == null, cancellationToken);
    }

    /// <summary>A page of the user's notifications, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<StaffNotification> Items, int Total)> PageAsync(int skip, int take, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var mine = db.StaffNotifications.AsNoTracking().Where(n => n.UserId == User && (!unreadOnly || n.ReadAt == null));
        var total = await mine.CountAsync(cancellationToken);
        // Ordered by id as well: SQLite orders the binary instants of one offset correctly, and ties need a stable order for paging.
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>Marks one of the user's notifications read; false for an id that is not theirs.</summary>
    public async Task<bool> MarkReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var notification = await db.StaffNotifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == User, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        return await db.StaffNotifications.Where(n => n.UserId == User && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}

using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Administration.Users;

/// <summary>The tenant's staff as the service desk assigns requests to them.</summary>
public sealed class StaffDirectory(IDbFactory<IAdministrationDb> dbFactory) : IAssigneeDirectory
{
    public async Task<IReadOnlyList<Assignee>> EngineersAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = DateTimeOffset.UtcNow;
        return await (from user in db.Users
                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where role.Name == Roles.Engineer && (user.LockoutEnd == null || user.LockoutEnd < now)
                      orderby user.DisplayName
                      select new Assignee(user.Id, user.DisplayName))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Assignee>> StaffAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = DateTimeOffset.UtcNow;
        return await db.Users.Where(u => u.LockoutEnd == null || u.LockoutEnd < now).OrderBy(u => u.DisplayName)
            .Select(u => new Assignee(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StaffContact>> InRoleAsync(string role, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = DateTimeOffset.UtcNow;
        return await (from user in db.Users
                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                      join r in db.Roles on userRole.RoleId equals r.Id
                      where r.Name == role && user.IsActive && (user.LockoutEnd == null || user.LockoutEnd < now)
                      orderby user.DisplayName
                      select new StaffContact(user.Id, user.DisplayName, user.Email))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StaffContact>> ContactsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new StaffContact(u.Id, u.DisplayName, u.Email)).ToListAsync(cancellationToken);
    }

    public async Task<Assignee?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.Users.Where(u => u.Id == userId).Select(u => new Assignee(u.Id, u.DisplayName)).FirstOrDefaultAsync(cancellationToken);
    }
}

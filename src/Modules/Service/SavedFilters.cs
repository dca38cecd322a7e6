using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

public enum SavedFilterStatus
{
    Saved,

    /// <summary>The user already has a filter of that name on this list; saving again with replace overwrites it.</summary>
    NameTaken,
    Invalid,
    NotFound,
}

public sealed record SavedFilterView(Guid Id, string Name, string Query);

/// <summary>The signed-in user's saved list filters. Everything is scoped to the user as well as the tenant: nobody sees another's.</summary>
public sealed class SavedFilters(IDbFactory<IServiceDb> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const string RequestsPage = "requests";

    public async Task<IReadOnlyList<SavedFilterView>> ListAsync(string page, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } userId)
        {
            return [];
        }

        using var db = dbFactory.Create();
        return await db.SavedFilters.AsNoTracking().Where(f => f.UserId == userId && f.Page == page).OrderBy(f => f.Name)
            .Select(f => new SavedFilterView(f.Id, f.Name, f.Query)).ToListAsync(cancellationToken);
    }

    public async Task<SavedFilterStatus> SaveAsync(string page, string? name, string query, bool replace, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (currentUser.Id is not { } userId || trimmed.Length is 0 or > SavedFilter.NameLength || query.Length > SavedFilter.QueryLength)
        {
            return SavedFilterStatus.Invalid;
        }

        using var db = dbFactory.Create();
        var existing = await db.SavedFilters.FirstOrDefaultAsync(f => f.UserId == userId && f.Page == page && f.Name == trimmed, cancellationToken);
        if (existing is not null && !replace)
        {
            return SavedFilterStatus.NameTaken;
        }

        if (existing is null)
        {
            db.SavedFilters.Add(new SavedFilter { UserId = userId, Page = page, Name = trimmed, Query = query, CreatedAt = clock.GetUtcNow() });
        }
        else
        {
            existing.Query = query;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same name saved twice at once (two tabs): the unique index keeps one.
            return SavedFilterStatus.NameTaken;
        }

        return SavedFilterStatus.Saved;
    }

    public async Task<SavedFilterStatus> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var filter = await db.SavedFilters.FirstOrDefaultAsync(f => f.Id == id && f.UserId == currentUser.Id, cancellationToken);
        if (filter is null)
        {
            return SavedFilterStatus.NotFound;
        }

        db.SavedFilters.Remove(filter);
        await db.SaveChangesAsync(cancellationToken);
        return SavedFilterStatus.Saved;
    }
}

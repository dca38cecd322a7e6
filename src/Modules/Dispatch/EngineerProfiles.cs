using AfterSales.Modules.Customers;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>The tenant's engineers with their profiles and open work: the engineers page edits them, the dispatch board weighs them.</summary>
public sealed class EngineerProfiles(IDbFactory<IDispatchDb> dbFactory, IAssigneeDirectory staff, CustomerDirectory customers)
{
    public const int RegionLength = 64;

    /// <summary>The engineers who can sign in, by name.</summary>
    public async Task<IReadOnlyList<EngineerRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var engineers = await staff.InRoleAsync(Roles.Engineer, cancellationToken);
        using var db = dbFactory.Create();
        var profiles = await db.EngineerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, StringComparer.Ordinal, cancellationToken);
        var work = await OpenWork.ReadAsync(db.ServiceRequests, [.. engineers.Select(e => e.UserId)], null, cancellationToken);
        return engineers.Select(e => new EngineerRow(e.UserId, e.Name, e.Email, profiles.GetValueOrDefault(e.UserId), work.GetValueOrDefault(e.UserId) ?? OpenWork.None))
            .ToList();
    }

    /// <summary>One of the tenant's engineers who can sign in; null for anyone else (another tenant's user included).</summary>
    public async Task<EngineerRow?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(e => e.UserId == userId);

    /// <summary>The regions the tenant's customers are filed under, offered when an engineer's regions are entered.</summary>
    public async Task<IReadOnlyList<string>> KnownRegionsAsync(CancellationToken cancellationToken = default) =>
        (await customers.FacetsAsync(cancellationToken)).Regions;

    /// <summary>Creates or changes an engineer's profile; <paramref name="loadedStamp"/> is the stamp of the profile shown (null when there was none).</summary>
    public async Task<ProfileSaveResult> SaveAsync(string userId, ProfileInput input, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        var regions = input.Regions.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.CapacityPerDay is < 1 or > EngineerProfile.MaxCapacity)
        {
            errors[nameof(input.CapacityPerDay)] = "Engineers.Validation.Capacity";
        }

        if (input.WorkingDays.Count == 0)
        {
            errors[nameof(input.WorkingDays)] = "Engineers.Validation.Days";
        }

        if (regions.Any(r => r.Length > RegionLength))
        {
            errors[nameof(input.Regions)] = "Engineers.Validation.Regions";
        }

        if (await GetAsync(userId, cancellationToken) is null)
        {
            return new ProfileSaveResult(DispatchSaveStatus.NotFound);
        }

        if (errors.Count > 0)
        {
            return new ProfileSaveResult(DispatchSaveStatus.Invalid, errors);
        }

        using var db = dbFactory.Create();
        var profile = await db.EngineerProfiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile?.ConcurrencyStamp != loadedStamp)
        {
            return new ProfileSaveResult(DispatchSaveStatus.Conflict);
        }

        if (profile is null)
        {
            db.EngineerProfiles.Add(profile = new EngineerProfile { UserId = userId });
        }

        profile.ServiceTypeIds = [.. input.ServiceTypeIds.Distinct()];
        profile.CategoryIds = [.. input.CategoryIds.Distinct()];
        profile.Regions = regions;
        profile.WorkingDays = [.. input.WorkingDays.Distinct().Order()];
        profile.CapacityPerDay = input.CapacityPerDay;
        profile.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ProfileSaveResult(DispatchSaveStatus.Saved);
        }
        catch (DbUpdateException)
        {
            // Changed meanwhile, or a first profile added twice at once (the unique index).
            return new ProfileSaveResult(DispatchSaveStatus.Conflict);
        }
    }

    /// <summary>Removes an engineer's profile: they take any request again, any day, without limit. False when there was none.</summary>
    public async Task<bool> RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var profile = await db.EngineerProfiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            return false;
        }

        db.EngineerProfiles.Remove(profile);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>An engineer as the engineers page and the dispatch board show them.</summary>
/// <param name="Profile">Null: no profile, so no limits.</param>
public sealed record EngineerRow(string UserId, string Name, string? Email, EngineerProfile? Profile, OpenWork Work)
{
    /// <summary>Today's visits against today's capacity (none on a day off; null without a profile).</summary>
    public Load Today(DateOnly today) => new(Work.On(today, today), Profile is { } p ? (p.WorksOn(today) ? p.CapacityPerDay : 0) : null);

    /// <summary>The visits from today to Sunday against the capacity of the working days left this week.</summary>
    public Load RestOfWeek(DateOnly today)
    {
        var sunday = today.AddDays((7 - (int)today.DayOfWeek) % 7);
        var days = Enumerable.Range(0, sunday.DayNumber - today.DayNumber + 1).Select(today.AddDays);
        return new Load(Work.Through(sunday), Profile is { } p ? days.Count(p.WorksOn) * p.CapacityPerDay : null);
    }
}

/// <summary>Requests against capacity; <see cref="Capacity"/> null means no limit.</summary>
public sealed record Load(int Count, int? Capacity)
{
    public bool IsFull => Count >= Capacity;

    /// <summary>How full, 0 to 100, for a bar; 0 without a limit.</summary>
    public int Percent => Capacity is > 0 and var capacity ? Math.Min(100, Count * 100 / capacity) : Capacity == 0 && Count > 0 ? 100 : 0;
}

public sealed class ProfileInput
{
    public List<Guid> ServiceTypeIds { get; set; } = [];
    public List<Guid> CategoryIds { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<DayOfWeek> WorkingDays { get; set; } = [];
    public int CapacityPerDay { get; set; }

    public static ProfileInput From(EngineerProfile? profile)
    {
        var shown = profile ?? new EngineerProfile();
        return new ProfileInput
        {
            ServiceTypeIds = [.. shown.ServiceTypeIds], CategoryIds = [.. shown.CategoryIds], Regions = [.. shown.Regions],
            WorkingDays = [.. shown.WorkingDays], CapacityPerDay = shown.CapacityPerDay,
        };
    }
}

public sealed record ProfileSaveResult(DispatchSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null);

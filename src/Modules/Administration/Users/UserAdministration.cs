using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Administration.Users;

/// <summary>
/// The tenant admin's management of staff users. Each call runs in its own tenant scope, so a long-lived
/// Blazor circuit never shares one UserManager (and its DbContext) across operations.
/// </summary>
public sealed class UserAdministration(TenantScopeFactory scopes, ITenantContext tenantContext)
{
    public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsLockedOut, DateTimeOffset? LastLoginAt);

    public sealed record UserInput(string Email, string DisplayName, IReadOnlyCollection<string> Roles, string? Password);

    public sealed record Page(IReadOnlyList<UserRow> Rows, int Total);

    public async Task<Page> ListAsync(string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var scope = Scope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IAdministrationDb>>().Create();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(u => u.Email).Skip(skip).Take(take).ToListAsync(cancellationToken);
        // The page's roles in one query rather than one per user.
        var ids = page.Select(u => u.Id).ToList();
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where ids.Contains(userRole.UserId)
                            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var rows = page.Select(user => new UserRow(user.Id, user.Email ?? "", user.DisplayName, roles[user.Id].Order().ToList(),
            user.LockoutEnd > DateTimeOffset.UtcNow, user.LastLoginAt)).ToList();
        return new Page(rows, total);
    }

    public async Task<IdentityResult> CreateAsync(UserInput input)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var invalidRole = InvalidRoles(input.Roles);
        if (invalidRole is not null)
        {
            return invalidRole;
        }

        var plan = scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Billing.SubscriptionBook>();
        if (await plan.RefusalAsync(AfterSales.Modules.Billing.PlanLimit.StaffSeats) is { } seats)
        {
            return PlanLimitReached(seats);
        }

        if (input.Roles.Contains(Roles.Engineer) && await plan.RefusalAsync(AfterSales.Modules.Billing.PlanLimit.Engineers) is { } engineers)
        {
            return PlanLimitReached(engineers);
        }

        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
        };
        var result = string.IsNullOrEmpty(input.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, input.Password);
        return result.Succeeded ? await users.AddToRolesAsync(user, input.Roles) : result;
    }

    /// <summary>The plan's message (localized, with the way to upgrade) as an error the user dialog shows as it is.</summary>
    public const string PlanLimitCode = "PlanLimit";

    private static IdentityResult PlanLimitReached(string message) => IdentityResult.Failed(new IdentityError { Code = PlanLimitCode, Description = message });

    public async Task<IdentityResult?> UpdateAsync(string id, UserInput input)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var invalidRole = InvalidRoles(input.Roles);
        if (invalidRole is not null)
        {
            return invalidRole;
        }

        user.DisplayName = input.DisplayName.Trim();
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return result;
        }

        var current = await users.GetRolesAsync(user);
        if (input.Roles.Contains(Roles.Engineer) && !current.Contains(Roles.Engineer)
            && await scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Billing.SubscriptionBook>().RefusalAsync(AfterSales.Modules.Billing.PlanLimit.Engineers) is { } engineers)
        {
            return PlanLimitReached(engineers);
        }

        if (current.Contains(Roles.TenantAdmin) && !input.Roles.Contains(Roles.TenantAdmin) && await IsLastAdminAsync(users, user))
        {
            return IdentityResult.Failed(new IdentityError { Code = "LastAdmin", Description = "LastAdmin" });
        }

        result = await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
        return result.Succeeded ? await users.AddToRolesAsync(user, input.Roles.Except(current)) : result;
    }

    public async Task<IdentityResult?> SetLockedAsync(string id, bool locked, string? actingUserId)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        if (locked && user.Id == actingUserId)
        {
            return IdentityResult.Failed(new IdentityError { Code = "LockSelf", Description = "LockSelf" });
        }

        // Locking every administrator would leave nobody able to unlock them.
        if (locked && await users.IsInRoleAsync(user, Roles.TenantAdmin)
            && !(await users.GetUsersInRoleAsync(Roles.TenantAdmin)).Any(u => u.Id != user.Id && !(u.LockoutEnd > DateTimeOffset.UtcNow)))
        {
            return IdentityResult.Failed(new IdentityError { Code = "LastActiveAdmin", Description = "LastActiveAdmin" });
        }

        var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (result.Succeeded && !locked)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        // A new stamp signs a locked user out of every open session at the next validation.
        return result.Succeeded && locked ? await users.UpdateSecurityStampAsync(user) : result;
    }

    public async Task<IdentityResult?> DeleteAsync(string id, string? actingUserId)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        if (user.Id == actingUserId)
        {
            return IdentityResult.Failed(new IdentityError { Code = "DeleteSelf", Description = "DeleteSelf" });
        }

        if (await users.IsInRoleAsync(user, Roles.TenantAdmin) && await IsLastAdminAsync(users, user))
        {
            return IdentityResult.Failed(new IdentityError { Code = "LastAdmin", Description = "LastAdmin" });
        }

        return await users.DeleteAsync(user);
    }

    private static async Task<bool> IsLastAdminAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        (await users.GetUsersInRoleAsync(Roles.TenantAdmin)).All(u => u.Id == user.Id);

    private static IdentityResult? InvalidRoles(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 || roles.Any(r => !Roles.TenantRoles.Contains(r))
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidRoles", Description = "InvalidRoles" })
            : null;

    private AsyncServiceScope Scope() =>
        scopes.CreateScope(tenantContext.Tenant ?? throw new InvalidOperationException("Users are managed within a tenant."));
}

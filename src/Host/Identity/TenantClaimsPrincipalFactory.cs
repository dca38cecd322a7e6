using System.Security.Claims;
using AfterSales.Modules.Administration;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AfterSales.Host.Identity;

/// <summary>Puts the tenant and the display name into the sign-in cookie.</summary>
public sealed class TenantClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    ITenantContext tenantContext)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.TenantId is not null)
        {
            var tenant = tenantContext.Tenant;
            if (tenant is null || tenant.Id != user.TenantId)
            {
                throw new InvalidOperationException("A tenant user can only sign in within their tenant.");
            }

            identity.AddClaim(new Claim(TenantClaimTypes.Tenant, tenant.Identifier));
        }

        return identity;
    }
}

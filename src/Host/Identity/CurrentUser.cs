using System.Security.Claims;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using OpenIddict.Abstractions;

namespace AfterSales.Host.Identity;

/// <summary>
/// Who is acting, for the audit trail. In an HTTP request that is the request's user; in a Blazor circuit
/// there is no HttpContext to trust, so the circuit's authentication state is used.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor, IServiceProvider services) : ICurrentUser
{
    private ClaimsPrincipal? Principal
    {
        get
        {
            var user = httpContextAccessor.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated == true)
            {
                return user;
            }

            var state = services.GetService<AuthenticationStateProvider>();
            try
            {
                return state?.GetAuthenticationStateAsync().GetAwaiter().GetResult().User;
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit the provider has no state; the actor is the system.
                return null;
            }
        }
    }

    public string? Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? Principal?.FindFirstValue(OpenIddictConstants.Claims.Subject);

    public string? Name => Principal?.FindFirstValue(AppClaimTypes.DisplayName) ?? Principal?.Identity?.Name;
}

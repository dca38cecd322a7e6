using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tenancy.Strategies;

/// <summary>
/// Reads the tenant from a claim of the principal authenticated by <paramref name="scheme"/>
/// (the API's bearer scheme). Runs last: path and host win, and the API then checks the token's
/// tenant equals the one they named.
/// </summary>
public sealed class ClaimStrategy(string scheme, string claimType = TenantClaimTypes.Tenant) : ITenantResolutionStrategy
{
    /// <inheritdoc />
    public string Name => "claim";

    /// <inheritdoc />
    public async Task<TenantMatch?> MatchAsync(HttpContext context)
    {
        if (!context.Request.Headers.Authorization.Any(h => h?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true))
        {
            return null;
        }

        // Tenancy runs before the authentication middleware (cookie validation needs the tenant), so a scheme
        // that prepares its state per request (OpenIddict validation) is given that chance here first.
        var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        var handler = await handlers.GetHandlerAsync(context, scheme);
        if (handler is null)
        {
            return null;
        }

        if (handler is IAuthenticationRequestHandler requestHandler && await requestHandler.HandleRequestAsync())
        {
            return null;
        }

        var result = await handler.AuthenticateAsync();
        var identifier = result.Principal?.FindFirst(claimType)?.Value;
        return identifier is not null && TenantIdentifier.IsValid(identifier)
            ? new TenantMatch(identifier.ToLowerInvariant(), PathString.Empty)
            : null;
    }
}

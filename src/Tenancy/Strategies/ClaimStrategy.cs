using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

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

        var result = await context.AuthenticateAsync(scheme);
        var identifier = result.Principal?.FindFirst(claimType)?.Value;
        return identifier is not null && TenantIdentifier.IsValid(identifier)
            ? new TenantMatch(identifier.ToLowerInvariant(), PathString.Empty)
            : null;
    }
}

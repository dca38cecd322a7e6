using AfterSales.Tenancy.Stores;
using AfterSales.Tenancy.Strategies;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Tenancy;

/// <summary>
/// Runs the strategies in registration order; the first match is looked up in the store.
/// </summary>
public sealed class TenantResolver(IEnumerable<ITenantResolutionStrategy> strategies, ITenantStore store)
{
    private readonly ITenantResolutionStrategy[] _strategies = strategies.ToArray();

    /// <summary>The strategies in the order they run.</summary>
    public IReadOnlyList<ITenantResolutionStrategy> Strategies => _strategies;

    /// <summary>Resolves the tenant named by the request, if any.</summary>
    public async Task<TenantResolution> ResolveAsync(HttpContext context)
    {
        foreach (var strategy in _strategies)
        {
            var match = await strategy.MatchAsync(context);
            if (match is null)
            {
                continue;
            }

            var tenant = await store.FindByIdentifierAsync(match.Identifier, context.RequestAborted);
            return new TenantResolution(match, strategy.Name, tenant);
        }

        return TenantResolution.None;
    }
}

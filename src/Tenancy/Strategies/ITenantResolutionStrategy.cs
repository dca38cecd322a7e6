using Microsoft.AspNetCore.Http;

namespace AfterSales.Tenancy.Strategies;

/// <summary>
/// Finds a tenant identifier in a request. Strategies run in registration order and the first one
/// that returns a match decides: an identifier that is then unknown to the store is a 404, it does
/// not fall through to the next strategy (a typo in <c>/t/{tenant}</c> must never land in another tenant).
/// </summary>
public interface ITenantResolutionStrategy
{
    /// <summary>Short name used in logs and <see cref="ITenantContext.ResolvedBy"/>.</summary>
    string Name { get; }

    /// <summary>Returns the match, or null when this strategy does not apply to the request.</summary>
    Task<TenantMatch?> MatchAsync(HttpContext context);
}

using Microsoft.AspNetCore.Http;

namespace AfterSales.Tenancy.Strategies;

/// <summary>What a strategy found.</summary>
/// <param name="Identifier">The tenant identifier (slug), lower case.</param>
/// <param name="PathPrefix">
/// The part of the path that names the tenant (<c>/t/demo</c>), moved into <c>PathBase</c> once the
/// tenant is known so the rest of the app routes as if it were mounted there; empty when none.
/// </param>
public sealed record TenantMatch(string Identifier, PathString PathPrefix);

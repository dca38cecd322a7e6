using AfterSales.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AfterSales.Host.Api;

public static class MeEndpoint
{
    public sealed record MeResponse(string Tenant, string TenantName, string ClientId, string? ClientName);

    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Results<Ok<MeResponse>, NotFound> (HttpContext context, ITenantContext tenantContext) =>
            {
                var tenant = tenantContext.Tenant;
                var clientId = context.User.GetClaim(Claims.Subject);
                return tenant is null || clientId is null
                    ? TypedResults.NotFound()
                    : TypedResults.Ok(new MeResponse(tenant.Identifier, tenant.Name, clientId, context.User.GetClaim(Claims.Name)));
            })
            .WithName("GetMe")
            .WithSummary("The tenant and API client the access token belongs to.");
        return api;
    }
}

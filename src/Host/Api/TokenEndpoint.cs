using System.Security.Claims;
using AfterSales.Modules.Administration;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AfterSales.Host.Api;

/// <summary>
/// <c>POST /connect/token</c>: client credentials for API clients, authorization codes for the customer portal. OpenIddict has already checked the client secret;
/// this decides which tenant the token is for. Asked under a tenant's prefix or subdomain, the client
/// must belong to that tenant.
/// </summary>
public static class TokenEndpoint
{
    public const string TenantIdProperty = Modules.Administration.ApiClients.ApiClientService.TenantIdProperty;

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueAsync).RequireRateLimiting(RateLimits.Auth).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext context, IOpenIddictApplicationManager applications, ITenantStore tenants, ITenantContext tenantContext)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType())
        {
            return await RedeemCodeAsync(context, tenantContext);
        }

        if (!request.IsClientCredentialsGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "Only the client_credentials and authorization_code grants are supported.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted);
        if (application is null)
        {
            return Refuse(Errors.InvalidClient, "Unknown client.");
        }

        var properties = await applications.GetPropertiesAsync(application, context.RequestAborted);
        var tenantId = properties.TryGetValue(TenantIdProperty, out var value) ? value.GetString() : null;
        var tenant = tenantId is null ? null : await tenants.FindByIdAsync(tenantId, context.RequestAborted);
        if (tenant is null || (tenantContext.Tenant is not null && tenantContext.Tenant.Id != tenant.Id))
        {
            return Refuse(Errors.InvalidClient, "The client does not belong to this tenant.");
        }

        if (!tenant.IsActive)
        {
            return Refuse(Errors.AccessDenied, "The tenant is suspended.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, context.RequestAborted));
        identity.SetClaim(TenantClaimTypes.Tenant, tenant.Identifier);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // OpenIddict has checked the code, its client, redirect URI and PKCE verifier; the code is redeemed only at its own tenant's address.
    private static async Task<IResult> RedeemCodeAsync(HttpContext context, ITenantContext tenantContext)
    {
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (principal is null || tenantContext.Tenant is not { IsActive: true } tenant || principal.GetClaim(TenantClaimTypes.Tenant) != tenant.Identifier)
        {
            return Refuse(Errors.InvalidGrant, "The code was not issued for this tenant.");
        }

        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

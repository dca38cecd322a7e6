using System.Security.Claims;
using AfterSales.Portal;
using AfterSales.Portal.Accounts;
using AfterSales.Tenancy;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AfterSales.Host.Api;

/// <summary>
/// The authorization server's side of the customer portal's sign-in: <c>/t/{tenant}/connect/authorize</c> (authorization code with PKCE,
/// only for the tenant's own portal client, only for a customer signed in at that tenant's portal login page), userinfo and end-session.
/// </summary>
public static class PortalAuthorizationEndpoints
{
    public static IEndpointRouteBuilder MapPortalAuthorization(this IEndpointRouteBuilder app)
    {
        app.MapGet("/connect/authorize", AuthorizeAsync).ExcludeFromDescription();
        app.MapMethods("/connect/userinfo", ["GET", "POST"], UserInfoAsync).ExcludeFromDescription();
        app.MapMethods("/connect/endsession", ["GET", "POST"], (Delegate)EndSessionAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context, IOpenIddictApplicationManager applications, ITenantContext tenantContext, PortalAccounts accounts)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var tenant = tenantContext.Tenant;
        var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted);
        var properties = application is null ? null : await applications.GetPropertiesAsync(application, context.RequestAborted);
        var clientTenant = properties is not null && properties.TryGetValue(PortalClients.TenantIdProperty, out var value) ? value.GetString() : null;
        // A portal client signs in its own tenant's customers, at its own tenant's address, and nothing else.
        if (tenant is not { IsActive: true } || clientTenant != tenant.Id || request.ClientId != PortalClients.ClientId(tenant.Identifier))
        {
            return Refuse(Errors.InvalidClient, "The client does not belong to this tenant.");
        }

        var login = await context.AuthenticateAsync(PortalSchemes.Login);
        var accountId = login.Succeeded ? login.Principal?.FindFirstValue(PortalCustomer.AccountClaim) : null;
        var account = Guid.TryParse(accountId, out var id) ? await accounts.FindAsync(id, context.RequestAborted) : null;
        if (account is null || !account.EmailConfirmed)
        {
            var here = (context.Request.PathBase.Value ?? "") + context.Request.Path + context.Request.QueryString;
            return Results.Redirect(QueryHelpers.AddQueryString((context.Request.PathBase.Value ?? "") + "/portal/login", "returnUrl", here));
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        identity.SetClaim(Claims.Email, account.Email);
        identity.SetClaim(Claims.Name, account.Email);
        identity.SetClaim(TenantClaimTypes.Tenant, tenant.Identifier);
        identity.SetClaim(PortalCustomer.CustomerClaim, account.CustomerId.ToString());
        // Marks the token as a customer's: the staff API refuses it (Policies.ApiClient).
        identity.SetClaim(PortalCustomer.AccountClaim, account.Id.ToString());
        identity.SetScopes(request.GetScopes().Intersect([Scopes.OpenId, Scopes.Email, Scopes.Profile]));
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, ITenantContext tenantContext, PortalAccounts accounts)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal;
        var subject = principal?.GetClaim(Claims.Subject);
        var tenantClaim = principal?.GetClaim(TenantClaimTypes.Tenant);
        var account = Guid.TryParse(subject, out var id) && tenantContext.Tenant is { } tenant && tenantClaim == tenant.Identifier
            ? await accounts.FindAsync(id, context.RequestAborted)
            : null;
        if (account is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token names no customer of this tenant.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        return Results.Ok(new Dictionary<string, string>
        {
            [Claims.Subject] = account.Id.ToString(),
            [TenantClaimTypes.Tenant] = tenantClaim!,
            [PortalCustomer.CustomerClaim] = account.CustomerId.ToString(),
            [Claims.Email] = account.Email,
            [Claims.EmailVerified] = account.EmailConfirmed ? "true" : "false",
            [Claims.Name] = account.Email,
        });
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(PortalSchemes.Login);
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = (context.Request.PathBase.Value ?? "") + "/portal" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

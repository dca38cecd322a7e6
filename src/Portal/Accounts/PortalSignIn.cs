using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AfterSales.Portal.Accounts;

/// <summary>
/// The portal as an OpenID Connect client of the host's own authorization server: the sign-in button starts an authorization-code
/// request with PKCE, the callback trades the code for tokens over the back channel, asks userinfo who it is, and signs the
/// customer in to the portal's cookie.
/// </summary>
public static class PortalSignIn
{
    public const string BackchannelClient = "AfterSales.Portal.Backchannel";
    private const string FlowCookie = ".AfterSales.PortalFlow";
    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(15);

    public static IEndpointRouteBuilder MapPortalSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/signin", StartAsync).ExcludeFromDescription();
        app.MapGet("/portal/signin-callback", CallbackAsync).ExcludeFromDescription();
        app.MapPost("/portal/signout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext context, string? returnUrl, ITenantContext tenantContext, PortalClients clients, IDataProtectionProvider protection)
    {
        if (tenantContext.Tenant is not { IsActive: true } tenant)
        {
            return Results.NotFound();
        }

        await clients.EnsureAsync(tenant, context.RequestAborted);
        var state = Base64Url(RandomNumberGenerator.GetBytes(32));
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = clients.RedirectUriFor(context, tenant.Identifier).AbsoluteUri;
        var flow = JsonSerializer.Serialize(new Flow(state, verifier, LocalPortalUrl(context, returnUrl), redirectUri));
        context.Response.Cookies.Append(FlowCookie, Protector(protection).Protect(flow, FlowLifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = PortalPath(context),
            MaxAge = FlowLifetime,
        });

        // On the tenant's subdomain the authorization server is still at the issuer's address (one login session for both addresses);
        // the code comes back to the subdomain, where the flow cookie was set.
        var authorizeBase = clients.IsOnSubdomain(context, tenant.Identifier)
            ? new Uri(clients.IssuerBase, $"t/{tenant.Identifier}/connect/authorize").AbsoluteUri
            : (context.Request.PathBase.Value ?? "") + "/connect/authorize";
        var authorize = QueryHelpers.AddQueryString(authorizeBase, new Dictionary<string, string?>
        {
            ["client_id"] = PortalClients.ClientId(tenant.Identifier),
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid profile email",
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        return Results.Redirect(authorize);
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, string? code, string? state, ITenantContext tenantContext, PortalClients clients, IDataProtectionProvider protection,
        IHttpClientFactory httpClients, IConfiguration configuration, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(PortalSignIn));
        if (tenantContext.Tenant is not { IsActive: true } tenant)
        {
            return Results.NotFound();
        }

        var home = PortalPath(context);
        Flow? flow = null;
        if (context.Request.Cookies.TryGetValue(FlowCookie, out var protectedFlow))
        {
            try
            {
                flow = JsonSerializer.Deserialize<Flow>(Protector(protection).Unprotect(protectedFlow));
            }
            catch (CryptographicException)
            {
                flow = null;
            }
        }

        context.Response.Cookies.Delete(FlowCookie, new CookieOptions { Path = home });
        if (flow is null || string.IsNullOrEmpty(code) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(flow.State), Encoding.UTF8.GetBytes(state ?? "")))
        {
            // A stale or forged callback: start again rather than explain OAuth to a customer.
            return Results.Redirect(home + "/login?failed=1");
        }

        var backchannel = httpClients.CreateClient(BackchannelClient);
        var baseAddress = new Uri(configuration["Portal:Backchannel"] ?? clients.IssuerBase.AbsoluteUri, UriKind.Absolute);
        var tokenResponse = await backchannel.PostAsync(new Uri(baseAddress, $"t/{tenant.Identifier}/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = flow.RedirectUri ?? clients.RedirectUri(tenant.Identifier).AbsoluteUri,
            ["client_id"] = PortalClients.ClientId(tenant.Identifier),
            ["code_verifier"] = flow.Verifier,
        }), context.RequestAborted);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            log.LogWarning("Portal code exchange for {Tenant} refused: {Status}", tenant.Identifier, (int)tokenResponse.StatusCode);
            return Results.Redirect(home + "/login?failed=1");
        }

        var accessToken = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(context.RequestAborted)).GetProperty("access_token").GetString();
        using var userInfoRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"t/{tenant.Identifier}/connect/userinfo"));
        userInfoRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var userInfoResponse = await backchannel.SendAsync(userInfoRequest, context.RequestAborted);
        if (!userInfoResponse.IsSuccessStatusCode)
        {
            log.LogWarning("Portal userinfo for {Tenant} refused: {Status}", tenant.Identifier, (int)userInfoResponse.StatusCode);
            return Results.Redirect(home + "/login?failed=1");
        }

        var userInfo = await userInfoResponse.Content.ReadFromJsonAsync<JsonElement>(context.RequestAborted);
        if (Text(userInfo, TenantClaimTypes.Tenant) != tenant.Identifier || Text(userInfo, "sub") is not { } sub || Text(userInfo, PortalCustomer.CustomerClaim) is not { } customer)
        {
            return Results.Redirect(home + "/login?failed=1");
        }

        var identity = new ClaimsIdentity(PortalSchemes.Customer, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(PortalCustomer.AccountClaim, sub));
        identity.AddClaim(new Claim(PortalCustomer.CustomerClaim, customer));
        identity.AddClaim(new Claim(TenantClaimTypes.Tenant, tenant.Identifier));
        identity.AddClaim(new Claim(ClaimTypes.Name, Text(userInfo, "name") ?? Text(userInfo, "email") ?? sub));
        await context.SignInAsync(PortalSchemes.Customer, new ClaimsPrincipal(identity));
        return Results.Redirect(flow.ReturnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ITenantContext tenantContext, PortalClients clients)
    {
        await context.SignOutAsync(PortalSchemes.Customer);
        if (tenantContext.Tenant is not { } tenant)
        {
            return Results.Redirect("/");
        }

        // Ends the session at the authorization server too, or the next "sign in" would be silent.
        var endSession = clients.IsOnSubdomain(context, tenant.Identifier)
            ? new Uri(clients.IssuerBase, $"t/{tenant.Identifier}/connect/endsession").AbsoluteUri
            : (context.Request.PathBase.Value ?? "") + "/connect/endsession";
        return Results.Redirect(QueryHelpers.AddQueryString(endSession, new Dictionary<string, string?>
        {
            ["client_id"] = PortalClients.ClientId(tenant.Identifier),
            ["post_logout_redirect_uri"] = clients.PostLogoutUriFor(context, tenant.Identifier).AbsoluteUri,
        }));
    }

    /// <summary>Where to land after signing in: a portal page of this tenant, else "my requests".</summary>
    public static string LocalPortalUrl(HttpContext context, string? returnUrl)
    {
        var portal = PortalPath(context);
        return returnUrl is { Length: > 1 } url && (url == portal || url.StartsWith(portal + "/", StringComparison.Ordinal))
               && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\') && !url.Contains("/signin", StringComparison.Ordinal)
               && !url.Contains("/login", StringComparison.Ordinal)
            ? url
            : portal + "/requests";
    }

    private static string PortalPath(HttpContext context) => (context.Request.PathBase.Value ?? "") + "/portal";

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("AfterSales.Portal.SignInFlow").ToTimeLimitedDataProtector();

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <param name="RedirectUri">The callback the authorization request named; the code exchange must name the same one. Null in flows started before it was kept.</param>
    private sealed record Flow(string State, string Verifier, string ReturnUrl, string? RedirectUri = null);
}

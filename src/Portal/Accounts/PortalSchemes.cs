using System.Security.Claims;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Portal.Accounts;

/// <summary>
/// The portal's two cookies, both separate from the staff cookie. <see cref="Login"/> is the customer's session at the
/// authorization server (what /connect/authorize looks at); <see cref="Customer"/> is the portal's own session, made from the
/// tokens the authorization-code flow returned. Each is scoped to its tenant's path and rejected in any other tenant.
/// </summary>
public static class PortalSchemes
{
    public const string Login = "PortalLogin";
    public const string Customer = "PortalCustomer";
    public const string Policy = "PortalCustomer";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(Login, o => Configure(o, ".AfterSales.PortalLogin", "", "/portal/login"))
            .AddCookie(Customer, o => Configure(o, ".AfterSales.Portal", "/portal", "/portal/signin"));
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(Customer).RequireAuthenticatedUser().RequireClaim(PortalCustomer.AccountClaim)));
        return services;
    }

    /// <summary>
    /// Under /portal the user is the portal customer or nobody: a staff member signed in to the same tenant is no customer there.
    /// </summary>
    public static IApplicationBuilder UsePortalCustomer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/portal"))
        {
            // The request form may carry every file a customer may attach, which is more than the server's default body limit.
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/portal/requests/new", StringComparison.OrdinalIgnoreCase))
            {
                var uploads = context.RequestServices.GetRequiredService<AfterSales.Portal.Requests.PortalUploads>();
                var maxBody = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
                var limit = Math.Max(maxBody?.MaxRequestBodySize ?? 0, uploads.MaxFiles * uploads.MaxBytes + 1024 * 1024);
                if (context.Request.ContentLength > limit)
                {
                    // Reading it would fail half-way with a bare error: refuse it unread and say why on the form (nothing was saved).
                    context.Response.Redirect(context.Request.PathBase + "/portal/requests/new?too-large=1");
                    context.Response.StatusCode = StatusCodes.Status303SeeOther;
                    return;
                }

                if (maxBody is { IsReadOnly: false })
                {
                    maxBody.MaxRequestBodySize = limit;
                }
            }

            var result = await context.AuthenticateAsync(Customer);
            context.User = result.Succeeded && result.Principal is not null ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    });

    private static void Configure(CookieAuthenticationOptions o, string name, string pathUnderTenant, string loginPath)
    {
        o.Cookie.Name = name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = loginPath;
        o.LogoutPath = "/portal/signout";
        o.AccessDeniedPath = "/portal";
        o.ReturnUrlParameter = "returnUrl";
        // The cookie goes only to its own tenant's addresses (/t/demo or /t/demo/portal), never to another tenant's portal.
        o.Events.OnSigningIn = c =>
        {
            c.CookieOptions.Path = CookiePath(c.HttpContext, pathUnderTenant);
            return Task.CompletedTask;
        };
        o.Events.OnSigningOut = c =>
        {
            c.CookieOptions.Path = CookiePath(c.HttpContext, pathUnderTenant);
            return Task.CompletedTask;
        };
        o.Events.OnValidatePrincipal = c =>
        {
            var tenant = c.HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant;
            if (tenant is null || !tenant.IsActive || c.Principal?.FindFirstValue(TenantClaimTypes.Tenant) != tenant.Identifier)
            {
                c.RejectPrincipal();
            }

            return Task.CompletedTask;
        };
    }

    private static string CookiePath(HttpContext context, string pathUnderTenant)
    {
        var path = (context.Request.PathBase.Value ?? "") + pathUnderTenant;
        return path.Length == 0 ? "/" : path;
    }
}

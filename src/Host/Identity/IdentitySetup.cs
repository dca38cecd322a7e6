using System.Security.Claims;
using AfterSales.Host.Data;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;

namespace AfterSales.Host.Identity;

public static class IdentitySetup
{
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = false; // unique per tenant, enforced by the user name (= e-mail)
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<TenantClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = ".AfterSales.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnValidatePrincipal = async context =>
            {
                // A cookie is good only where it was issued: inside its own tenant, or in the platform area for operators.
                var tenant = context.HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant;
                var claimed = context.Principal?.FindFirstValue(TenantClaimTypes.Tenant);
                if (!string.Equals(claimed, tenant?.Identifier, StringComparison.Ordinal))
                {
                    // An operator's own cookie counts in a tenant only under the tenant's valid support grant, checked on every request;
                    // the principal is replaced for this request alone, so the cookie itself never names the tenant.
                    if (claimed is null && tenant is not null && context.Principal is { } principal
                        && await context.HttpContext.RequestServices.GetRequiredService<AfterSales.Modules.Billing.SupportAccess>().EnterAsync(principal) is { } support)
                    {
                        context.ReplacePrincipal(support);
                        return;
                    }

                    context.RejectPrincipal();
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddScoped<IAuthorizationHandler, SameTenantHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().AddRequirements(new SameTenantRequirement()).RequireRole(Roles.TenantRoles))
            .AddPolicy(Policies.TenantAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new SameTenantRequirement()).RequireRole(Roles.TenantAdmin))
            .AddPolicy(Policies.ServiceDesk, p => p.RequireAuthenticatedUser().AddRequirements(new SameTenantRequirement())
                .RequireRole(Roles.TenantAdmin, Roles.Manager, Roles.Dispatcher, Roles.Agent))
            .AddPolicy(Policies.Dispatch, p => p.RequireAuthenticatedUser().AddRequirements(new SameTenantRequirement())
                .RequireRole(Roles.TenantAdmin, Roles.Manager, Roles.Dispatcher))
            .AddPolicy(Policies.Management, p => p.RequireAuthenticatedUser().AddRequirements(new SameTenantRequirement()).RequireRole(Roles.TenantAdmin, Roles.Manager))
            .AddPolicy(Policies.Platform, p => p.RequireAuthenticatedUser().AddRequirements(new NoTenantRequirement()).RequireRole(Roles.PlatformOperator))
            .AddPolicy(Policies.ApiClient, p => p
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                // A portal customer's access token names a tenant too, but it is no API client.
                .RequireAssertion(c => !c.User.HasClaim(claim => claim.Type == AfterSales.Portal.PortalCustomer.AccountClaim))
                .AddRequirements(new SameTenantRequirement()));

        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddSingleton<IAppEmailSender, MailKitEmailSender>();
        services.AddSingleton<IMailTransport, MailKitTransport>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        return services;
    }

    // APIs and Blazor's own fetches want a status code, pages want the login page.
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>The principal's tenant claim names the tenant the request is for.</summary>
public sealed class SameTenantRequirement : IAuthorizationRequirement;

/// <summary>The request is for no tenant (the platform area).</summary>
public sealed class NoTenantRequirement : IAuthorizationRequirement;

public sealed class SameTenantHandler(ITenantContext tenantContext) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var tenant = tenantContext.Tenant;
        var claimed = context.User.FindFirstValue(TenantClaimTypes.Tenant);
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case SameTenantRequirement when tenant is not null && tenant.IsActive && claimed == tenant.Identifier:
                case NoTenantRequirement when tenant is null && claimed is null:
                    context.Succeed(requirement);
                    break;
            }
        }

        return Task.CompletedTask;
    }
}

using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Billing;

/// <summary>
/// Plans and limits, subscriptions through Stripe (Checkout, Customer Portal, <c>/webhooks/stripe</c>), the read-only
/// state of an unpaid tenant, self-service sign-up (<c>/signup</c>) and the billing parts of the operator's console.
/// </summary>
public static class BillingModule
{
    public static IServiceCollection AddBillingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StripeOptions>(configuration.GetSection("Stripe"));
        services.Configure<BillingOptions>(configuration.GetSection("Billing"));
        services.AddHttpClient(nameof(StripeGateway));
        services.AddScoped<SubscriptionBook>();
        services.AddScoped<StripeGateway>();
        services.AddScoped<StripeWebhook>();
        services.AddScoped<TenantProvisioning>();
        services.AddScoped<SignUpDesk>();
        services.AddScoped<PlatformOverview>();
        services.AddScoped<ReadOnlyTenantGuard>();
        services.AddScoped<UsageMeter>();
        services.AddScoped<ApiCallMeter>();
        services.AddScoped<IPlanAllowance, PlanAllowance>();
        services.AddScoped<SupportAccess>();
        // Before the Blazor registration, which only adds its own provider when none is there.
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SupportAccessRevalidator>();
        return services;
    }

    /// <summary>The webhook, the sign-up confirmation, and the answer of the API to a write of a read-only tenant.</summary>
    public static WebApplication MapBilling(this WebApplication app)
    {
        StripeWebhook.Map(app);
        return app;
    }

    /// <summary>A refused write of a read-only tenant reaches API clients as 403 with the reason, not as a server error.</summary>
    public static IApplicationBuilder UseReadOnlyTenantAnswers(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (TenantReadOnlyException) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tenant is read-only",
                    detail: "The subscription is unpaid or canceled; data can be read and exported, not changed.").ExecuteAsync(context);
            }
        });
}

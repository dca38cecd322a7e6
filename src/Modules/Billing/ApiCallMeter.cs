using AfterSales.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Billing;

/// <summary>
/// Counts each call of the tenant API against the plan's calls per UTC day; past the limit the call is answered 429 with a
/// problem whose detail names the limit and whose <c>upgrade</c> member is the billing page. Refused calls are not counted.
/// </summary>
public sealed class ApiCallMeter(UsageMeter meter, SubscriptionBook subscriptions, ITenantContext tenantContext, TimeProvider clock, IStringLocalizer<BillingText> text)
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (tenantContext.Tenant is not { } tenant)
        {
            return await next(context);
        }

        var now = clock.GetUtcNow();
        var cancellationToken = context.HttpContext.RequestAborted;
        var max = await subscriptions.MaxAsync(tenant.Id, PlanLimit.ApiCallsPerDay, cancellationToken);
        if (await meter.TryTakeAsync(tenant.Id, Meters.ApiCalls, Meters.Day(now), 1, max, cancellationToken))
        {
            return await next(context);
        }

        var request = context.HttpContext.Request;
        var upgrade = $"{request.Scheme}://{request.Host}{SubscriptionBook.BillingUrl(tenant)}";
        var refusal = subscriptions.Refusal(tenant, PlanLimit.ApiCallsPerDay, max!.Value, max.Value);
        var nextDay = new DateTimeOffset(Meters.Day(now).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling((nextDay - now).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: text["Api.LimitTitle"],
            detail: refusal.Message.Replace(refusal.BillingUrl, upgrade, StringComparison.Ordinal),
            extensions: new Dictionary<string, object?> { ["upgrade"] = upgrade, ["limit"] = max.Value, ["resetsAt"] = nextDay });
    }
}

public static class ApiCallMetering
{
    /// <summary>Meters every endpoint of the group (after authorization, so only the tenant's own clients are counted).</summary>
    public static RouteGroupBuilder MeterApiCalls(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<ApiCallMeter>().InvokeAsync(context, next));
        return group;
    }
}

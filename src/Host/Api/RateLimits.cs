using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AfterSales.Host.Api;

/// <summary>Limits on the endpoints that take passwords and secrets, per client address.</summary>
public static class RateLimits
{
    public const string Auth = "auth";

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:AuthPermitsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Auth, context => Partition(context, permits));
            // The login form posts to its own page, a Razor component without endpoint filters: limit it globally.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account")
                    ? Partition(context, permits)
                    : RateLimitPartition.GetNoLimiter("none"));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Portal;

/// <summary>
/// Per-address limits on what anyone can try on the portal without an account (serial numbers, passwords). Checked by the page
/// itself rather than by the rate-limiting middleware: the page then answers 429 in the tenant's layout with a sentence the customer
/// understands, and showing the empty form is never counted.
/// </summary>
public sealed class PortalLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _lookups;
    private readonly PartitionedRateLimiter<string> _signIns;

    public PortalLimits(IConfiguration configuration)
    {
        _lookups = Create(configuration.GetValue("Portal:LookupsPerMinute", 10));
        _signIns = Create(configuration.GetValue("Portal:SignInsPerMinute", 10));
    }

    /// <summary>True when this address may look up one more serial number now.</summary>
    public bool TryLookup(HttpContext context) => Acquire(_lookups, context);

    /// <summary>True when this address may try one more password (sign-in, registration, reset) now.</summary>
    public bool TrySignIn(HttpContext context) => Acquire(_signIns, context);

    public void Dispose()
    {
        _lookups.Dispose();
        _signIns.Dispose();
    }

    private static bool Acquire(PartitionedRateLimiter<string> limiter, HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Create(int permitsPerMinute) =>
        PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permitsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}

using Microsoft.AspNetCore.Http;

namespace AfterSales.Tenancy.Strategies;

/// <summary>
/// Matches <c>{tenant}.{baseHost}</c>. Only one label deep: <c>a.b.{baseHost}</c> does not match, and
/// the reserved labels (www, api, …) never name a tenant.
/// </summary>
public sealed class HostStrategy(string baseHost) : ITenantResolutionStrategy
{
    private readonly string _suffix = "." + baseHost.Trim().Trim('.').ToLowerInvariant();

    /// <inheritdoc />
    public string Name => "host";

    /// <inheritdoc />
    public Task<TenantMatch?> MatchAsync(HttpContext context)
    {
        var host = context.Request.Host.Host.ToLowerInvariant();
        if (_suffix.Length <= 1 || !host.EndsWith(_suffix, StringComparison.Ordinal))
        {
            return Task.FromResult<TenantMatch?>(null);
        }

        var label = host[..^_suffix.Length];
        if (label.Contains('.', StringComparison.Ordinal) || TenantIdentifier.Reserved.Contains(label) || !TenantIdentifier.IsValid(label))
        {
            return Task.FromResult<TenantMatch?>(null);
        }

        return Task.FromResult<TenantMatch?>(new TenantMatch(label, PathString.Empty));
    }
}

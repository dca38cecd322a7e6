using Microsoft.AspNetCore.Http;

namespace AfterSales.Tenancy.Strategies;

/// <summary>Matches <c>/{segment}/{tenant}/…</c>, by default <c>/t/{tenant}</c>.</summary>
public sealed class RoutePrefixStrategy(string segment = "t") : ITenantResolutionStrategy
{
    private readonly string _prefix = "/" + segment.Trim('/') + "/";

    /// <inheritdoc />
    public string Name => "route";

    /// <inheritdoc />
    public Task<TenantMatch?> MatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult<TenantMatch?>(null);
        }

        var rest = path.AsSpan(_prefix.Length);
        var end = rest.IndexOf('/');
        var identifier = (end < 0 ? rest : rest[..end]).ToString();
        if (!TenantIdentifier.IsValid(identifier))
        {
            return Task.FromResult<TenantMatch?>(null);
        }

        var prefix = new PathString(path[..(_prefix.Length + identifier.Length)]);
        return Task.FromResult<TenantMatch?>(new TenantMatch(identifier.ToLowerInvariant(), prefix));
    }
}

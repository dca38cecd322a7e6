using AfterSales.Tenancy.Strategies;

namespace AfterSales.Tenancy;

/// <summary>Outcome of <see cref="TenantResolver.ResolveAsync"/>.</summary>
/// <param name="Match">What a strategy found; null when no strategy applied (platform or anonymous area).</param>
/// <param name="Strategy">Name of the strategy that matched.</param>
/// <param name="Tenant">The tenant, or null when the identifier is unknown.</param>
public sealed record TenantResolution(TenantMatch? Match, string? Strategy, TenantInfo? Tenant)
{
    /// <summary>No strategy applied.</summary>
    public static readonly TenantResolution None = new(null, null, null);

    /// <summary>A strategy named a tenant the store does not know.</summary>
    public bool IsUnknown => Match is not null && Tenant is null;
}

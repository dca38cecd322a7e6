namespace AfterSales.Tenancy;

/// <summary>
/// The tenant of the current unit of work: an HTTP request, a Blazor circuit or a background job.
/// Registered as scoped; a Blazor circuit is one scope, so the tenant is held for the whole circuit.
/// </summary>
public interface ITenantContext
{
    /// <summary>The current tenant, or null in the platform area and in platform jobs.</summary>
    TenantInfo? Tenant { get; }

    /// <summary>How the tenant was found (strategy name), for diagnostics.</summary>
    string? ResolvedBy { get; }
}

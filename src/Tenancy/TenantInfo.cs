namespace AfterSales.Tenancy;

/// <summary>
/// Immutable snapshot of a tenant, as resolved for one request or one Blazor circuit.
/// Kept small on purpose (Finbuckle's TenantInfo): anything that changes often is read from the store.
/// </summary>
public sealed record TenantInfo(
    string Id,
    string Identifier,
    string Name,
    TenantStatus Status,
    TenantBranding Branding,
    string DefaultCulture,
    string TimeZone,
    string Plan)
{
    /// <summary>True when the tenant may be served.</summary>
    public bool IsActive => Status == TenantStatus.Active;
}

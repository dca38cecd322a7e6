namespace AfterSales.Tenancy.EntityFrameworkCore;

/// <summary>
/// Marks an entity as owned by one tenant: its <see cref="TenantId"/> is stamped on insert, every query
/// is filtered to the current tenant, and saving it for another tenant throws.
/// </summary>
public interface ITenantOwned
{
    /// <summary>Id of the owning tenant. Set by the save hook, never by hand.</summary>
    string TenantId { get; set; }
}

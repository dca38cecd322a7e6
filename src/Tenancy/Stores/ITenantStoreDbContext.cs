using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tenancy.Stores;

/// <summary>A DbContext that holds the tenants table (platform data, never filtered).</summary>
public interface ITenantStoreDbContext
{
    /// <summary>The tenants.</summary>
    DbSet<Tenant> Tenants { get; }
}

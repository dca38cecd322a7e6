using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Administration;

/// <summary>What the administration feature sees of the database.</summary>
public interface IAdministrationDb : IDisposable
{
    DbSet<ApiClient> ApiClients { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<ApplicationUser> Users { get; }
    DbSet<IdentityUserRole<string>> UserRoles { get; }
    DbSet<IdentityRole> Roles { get; }
    DbSet<Tenant> Tenants { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Sla;

/// <summary>What the SLA feature sees of the database.</summary>
public interface ISlaDb : IDisposable
{
    DbSet<ServiceLevelTarget> ServiceLevelTargets { get; }
    DbSet<BusinessHours> BusinessHours { get; }
    DbSet<Holiday> Holidays { get; }
    DbSet<AfterSales.Modules.Service.ServiceType> ServiceTypes { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AfterSales.Modules.Visits;

/// <summary>What the return-visit feature sees of the database: its visits, and the requests and customers they are about.</summary>
public interface IVisitsDb : IDisposable
{
    DbSet<ReturnVisit> ReturnVisits { get; }
    DbSet<AfterSales.Modules.Service.ServiceRequest> ServiceRequests { get; }
    DbSet<AfterSales.Modules.Service.RequestEvent> RequestEvents { get; }
    DbSet<AfterSales.Modules.Customers.Customer> Customers { get; }

    /// <summary>To answer a visit only if it is still as the user saw it (its concurrency stamp then).</summary>
    EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

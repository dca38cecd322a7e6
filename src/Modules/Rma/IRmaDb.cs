using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Rma;

/// <summary>What the return-to-factory feature sees of the database.</summary>
public interface IRmaDb : IDisposable
{
    DbSet<Carrier> Carriers { get; }
    DbSet<RequestShipment> RequestShipments { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

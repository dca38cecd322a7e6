using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Rma;

/// <summary>What the return-to-factory feature sees of the database.</summary>
public interface IRmaDb : IDisposable
{
    DbSet<Carrier> Carriers { get; }
    DbSet<RequestShipment> RequestShipments { get; }
    DbSet<RmaJudgement> RmaJudgements { get; }

    /// <summary>The return-to-factory list reads the requests and, from their timelines, when each entered its step.</summary>
    DbSet<AfterSales.Modules.Service.ServiceRequest> ServiceRequests { get; }
    DbSet<AfterSales.Modules.Service.RequestEvent> RequestEvents { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

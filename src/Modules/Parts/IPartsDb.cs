using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Parts;

/// <summary>What the parts feature sees of the database.</summary>
public interface IPartsDb : IDisposable
{
    DbSet<PartRequest> PartRequests { get; }
    DbSet<PartRequestLine> PartRequestLines { get; }
    DbSet<PartMovement> PartMovements { get; }

    /// <summary>A part request belongs to a service request and writes its movements onto the request's timeline.</summary>
    DbSet<AfterSales.Modules.Service.ServiceRequest> ServiceRequests { get; }
    DbSet<AfterSales.Modules.Service.RequestEvent> RequestEvents { get; }

    /// <summary>Lines copy the catalogue's code, name and price when applied for.</summary>
    DbSet<AfterSales.Modules.Products.SparePart> SpareParts { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

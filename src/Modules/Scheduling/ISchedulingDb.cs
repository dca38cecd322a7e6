using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Scheduling;

/// <summary>What the scheduling feature sees of the database: its appointments, and what a visit card shows of the rest.</summary>
public interface ISchedulingDb : IDisposable
{
    DbSet<Appointment> Appointments { get; }
    DbSet<AfterSales.Modules.Service.ServiceRequest> ServiceRequests { get; }
    DbSet<AfterSales.Modules.Service.RequestEvent> RequestEvents { get; }
    DbSet<AfterSales.Modules.Dispatch.EngineerProfile> EngineerProfiles { get; }
    DbSet<AfterSales.Modules.Customers.Customer> Customers { get; }
    DbSet<AfterSales.Modules.Products.SerialNumber> SerialNumbers { get; }
    DbSet<AfterSales.Modules.Products.ProductModel> ProductModels { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

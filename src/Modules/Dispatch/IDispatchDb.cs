using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>What the dispatch feature sees of the database.</summary>
public interface IDispatchDb : IDisposable
{
    DbSet<AssignmentRule> AssignmentRules { get; }
    DbSet<AssignmentCursor> AssignmentCursors { get; }
    DbSet<EngineerProfile> EngineerProfiles { get; }
    DbSet<AfterSales.Modules.Service.ServiceRequest> ServiceRequests { get; }
    DbSet<AfterSales.Modules.Service.RequestEvent> RequestEvents { get; }
    DbSet<AfterSales.Modules.Customers.Customer> Customers { get; }
    DbSet<AfterSales.Modules.Products.ProductModel> ProductModels { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

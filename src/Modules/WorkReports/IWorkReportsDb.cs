using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.WorkReports;

/// <summary>What the work-report feature sees of the database.</summary>
public interface IWorkReportsDb : IDisposable
{
    DbSet<WorkReport> WorkReports { get; }
    DbSet<WorkReportPart> WorkReportParts { get; }
    DbSet<AfterSales.Modules.Service.ServiceRequest> ServiceRequests { get; }
    DbSet<AfterSales.Modules.Service.RequestEvent> RequestEvents { get; }
    DbSet<AfterSales.Modules.Products.SparePart> SpareParts { get; }
    DbSet<AfterSales.Modules.Customers.Customer> Customers { get; }
    DbSet<AfterSales.Modules.Notifications.OutboxMessage> OutboxMessages { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

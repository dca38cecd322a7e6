using AfterSales.Modules.Customers;
using AfterSales.Portal.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Portal;

/// <summary>What the portal sees of the database: its accounts, the customer records they belong to, and what a customer may fetch of their requests (reports, return visits).</summary>
public interface IPortalDb : IDisposable
{
    DbSet<PortalAccount> PortalAccounts { get; }
    DbSet<Customer> Customers { get; }
    DbSet<CustomerContact> CustomerContacts { get; }
    DbSet<AfterSales.Modules.WorkReports.WorkReport> WorkReports { get; }
    DbSet<AfterSales.Modules.Visits.ReturnVisit> ReturnVisits { get; }
    DbSet<AfterSales.Modules.Service.ServiceRequest> ServiceRequests { get; }
    DbSet<AfterSales.Modules.Service.RequestEvent> RequestEvents { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

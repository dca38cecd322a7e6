using AfterSales.Modules.Customers;
using AfterSales.Portal.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Portal;

/// <summary>What the portal sees of the database: its accounts and the customer records they belong to.</summary>
public interface IPortalDb : IDisposable
{
    DbSet<PortalAccount> PortalAccounts { get; }
    DbSet<Customer> Customers { get; }
    DbSet<CustomerContact> CustomerContacts { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Customers;

/// <summary>What the customers feature sees of the database.</summary>
public interface ICustomersDb : IBulkWriteDb
{
    DbSet<Customer> Customers { get; }
    DbSet<CustomerContact> CustomerContacts { get; }
    DbSet<CustomerAddress> CustomerAddresses { get; }
    DbSet<ServiceAgreement> ServiceAgreements { get; }
    DbSet<ServiceAgreementUnit> ServiceAgreementUnits { get; }
    DbSet<AfterSales.Modules.Forms.CustomFieldValue> CustomFieldValues { get; }
}

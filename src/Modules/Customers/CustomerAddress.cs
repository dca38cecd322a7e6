using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Customers;

/// <summary>
/// Another place a customer's units stand (a second plant, a branch office): engineers are sent there. The customer's
/// own region and address stay its main one.
/// </summary>
public class CustomerAddress : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid CustomerId { get; set; }

    /// <summary>What the customer calls the place (北京工厂, Warehouse 2).</summary>
    public string Label { get; set; } = "";
    public string? Region { get; set; }
    public string Address { get; set; } = "";

    /// <summary>Whom to ask for on site, when it is not the customer's usual contact.</summary>
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
}

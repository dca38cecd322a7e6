using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Customers;

/// <summary>A person to call at a customer: who reports faults, who signs work reports, who pays.</summary>
public class CustomerContact : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Their role at the customer (purchasing, equipment manager, …).</summary>
    public string? Role { get; set; }
}

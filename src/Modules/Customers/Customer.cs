using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Customers;

/// <summary>A tenant's customer: a company or a person who owns products and asks for service.</summary>
public class Customer : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>The tenant's own customer number, unique within the tenant (often the ERP's).</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public CustomerKind Kind { get; set; } = CustomerKind.Company;

    /// <summary>Classification or level (e.g. VIP, A, B), tenant-defined.</summary>
    public string? Level { get; set; }

    /// <summary>Comma-separated tags.</summary>
    public string? Tags { get; set; }
    public string? Region { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }

    /// <summary>A person's birthday, for the tenant's birthday greetings; the year may be a guess.</summary>
    public DateOnly? Birthday { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Changes on every save; two people editing the same customer cannot overwrite each other.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public List<CustomerContact> Contacts { get; set; } = [];
    public List<CustomerAddress> Addresses { get; set; } = [];

    string IAuditable.AuditKey => Code;
}

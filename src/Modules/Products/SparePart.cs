using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>A spare part (备件) engineers use in repairs and customers are charged for at its list price.</summary>
public class SparePart : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>The tenant's part number, unique within the tenant.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Specification { get; set; }

    /// <summary>Unit of measure (件, 个, m…).</summary>
    public string? Unit { get; set; }
    public decimal Price { get; set; }

    /// <summary>A part no longer sold stays on past work reports but is not offered for new ones.</summary>
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Code;
}

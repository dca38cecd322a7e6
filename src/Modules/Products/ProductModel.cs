using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>A product model (型号) the tenant sells and services; its units are registered by serial number.</summary>
public class ProductModel : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid? CategoryId { get; set; }
    public ProductCategory? Category { get; set; }
    public string? Description { get; set; }

    /// <summary>Warranty of a new unit, counted from its purchase date unless a unit says otherwise.</summary>
    public int DefaultWarrantyMonths { get; set; } = 12;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Changes on every save; two people editing the same model cannot overwrite each other.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public List<ModelConsumable> Consumables { get; set; } = [];

    string IAuditable.AuditKey => Code;
}

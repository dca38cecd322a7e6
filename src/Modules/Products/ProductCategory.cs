using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>A group of product models (空调, 热水器…) the tenant defines; lists and reports group by it.</summary>
public class ProductCategory : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Where the category appears in pick lists; equal numbers fall back to the name.</summary>
    public int SortOrder { get; set; }

    string IAuditable.AuditKey => Name;
}

using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>What the products feature sees of the database.</summary>
public interface IProductsDb : IBulkWriteDb
{
    DbSet<ProductCategory> ProductCategories { get; }
    DbSet<ProductModel> ProductModels { get; }
    DbSet<ModelConsumable> ModelConsumables { get; }
    DbSet<SparePart> SpareParts { get; }
    DbSet<SerialNumber> SerialNumbers { get; }
    DbSet<WarrantyExtension> WarrantyExtensions { get; }
    DbSet<AfterSales.Modules.Forms.CustomFieldValue> CustomFieldValues { get; }

    /// <summary>Read for a unit's history: its registration and every correction.</summary>
    DbSet<AuditEntry> AuditEntries { get; }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Products;

internal sealed class ProductModelConfiguration : IEntityTypeConfiguration<ProductModel>
{
    public void Configure(EntityTypeBuilder<ProductModel> builder)
    {
        builder.ToTable("ProductModels");
        builder.Property(m => m.Code).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(1000);
        builder.Property(m => m.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(m => new { m.TenantId, m.Code }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.CategoryId });
        // A category in use cannot be deleted: its models would silently lose their grouping.
        builder.HasOne(m => m.Category).WithMany().HasForeignKey(m => m.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Consumables).WithOne().HasForeignKey(c => c.ProductModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductCategoryConfiguration : IEntityTypeConfiguration<ProductCategory>
{
    public void Configure(EntityTypeBuilder<ProductCategory> builder)
    {
        builder.ToTable("ProductCategories");
        builder.Property(c => c.Name).HasMaxLength(CatalogRules.CategoryNameLength).IsRequired();
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
    }
}

internal sealed class ModelConsumableConfiguration : IEntityTypeConfiguration<ModelConsumable>
{
    public void Configure(EntityTypeBuilder<ModelConsumable> builder)
    {
        builder.ToTable("ModelConsumables");
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.PartCode).HasMaxLength(64);
        builder.HasIndex(c => new { c.TenantId, c.ProductModelId });
    }
}

internal sealed class SparePartConfiguration : IEntityTypeConfiguration<SparePart>
{
    public void Configure(EntityTypeBuilder<SparePart> builder)
    {
        builder.ToTable("SpareParts");
        builder.Property(p => p.Code).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Specification).HasMaxLength(200);
        builder.Property(p => p.Unit).HasMaxLength(16);
        builder.Property(p => p.Price).HasPrecision(12, 2);
        builder.Property(p => p.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(p => new { p.TenantId, p.Code }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.Name });
    }
}

internal sealed class SerialNumberConfiguration : IEntityTypeConfiguration<SerialNumber>
{
    public void Configure(EntityTypeBuilder<SerialNumber> builder)
    {
        builder.ToTable("SerialNumbers");
        builder.Property(s => s.Number).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Batch).HasMaxLength(64);
        builder.Property(s => s.Supplier).HasMaxLength(100);
        builder.Property(s => s.Salesperson).HasMaxLength(64);
        builder.Property(s => s.ConcurrencyStamp).HasMaxLength(32);
        builder.HasIndex(s => new { s.TenantId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.TenantId, s.CustomerId });
        builder.HasIndex(s => new { s.TenantId, s.WarrantyEnd });
        builder.HasOne(s => s.Model).WithMany().HasForeignKey(s => s.ProductModelId).OnDelete(DeleteBehavior.Restrict);
        // Two people extending the same warranty at once: the second save finds another end date and is refused.
        builder.Property(s => s.WarrantyEnd).IsConcurrencyToken();
    }
}

internal sealed class WarrantyExtensionConfiguration : IEntityTypeConfiguration<WarrantyExtension>
{
    public void Configure(EntityTypeBuilder<WarrantyExtension> builder)
    {
        builder.ToTable("WarrantyExtensions");
        builder.Property(e => e.Reason).HasMaxLength(500).IsRequired();
        builder.Property(e => e.Fee).HasPrecision(12, 2);
        builder.Property(e => e.By).HasMaxLength(256);
        builder.HasIndex(e => new { e.TenantId, e.SerialNumberId, e.At });
        builder.HasOne<SerialNumber>().WithMany().HasForeignKey(e => e.SerialNumberId).OnDelete(DeleteBehavior.Cascade);
    }
}

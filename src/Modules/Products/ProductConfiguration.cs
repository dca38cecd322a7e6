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
        builder.Property(m => m.Category).HasMaxLength(64);
        builder.HasIndex(m => new { m.TenantId, m.Code }).IsUnique();
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

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Rma;

internal sealed class CarrierConfiguration : IEntityTypeConfiguration<Carrier>
{
    public void Configure(EntityTypeBuilder<Carrier> builder)
    {
        builder.ToTable("Carriers");
        builder.Property(c => c.Code).HasMaxLength(CarrierBook.CodeLength).IsRequired();
        builder.Property(c => c.NameZh).HasMaxLength(64).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(64).IsRequired();
        builder.Property(c => c.TrackingUrl).HasMaxLength(CarrierBook.UrlLength).IsRequired();
        builder.Property(c => c.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
    }
}

internal sealed class RequestShipmentConfiguration : IEntityTypeConfiguration<RequestShipment>
{
    public void Configure(EntityTypeBuilder<RequestShipment> builder)
    {
        builder.ToTable("RequestShipments");
        builder.Property(s => s.CarrierCode).HasMaxLength(CarrierBook.CodeLength).IsRequired();
        builder.Property(s => s.TrackingNumber).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(32).IsRequired();
        builder.Property(s => s.By).HasMaxLength(256);
        builder.HasOne<AfterSales.Modules.Service.ServiceRequest>().WithMany().HasForeignKey(s => s.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TenantId, s.ServiceRequestId });
    }
}

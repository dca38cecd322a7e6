using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Customers;

internal sealed class ServiceAgreementConfiguration : IEntityTypeConfiguration<ServiceAgreement>
{
    public void Configure(EntityTypeBuilder<ServiceAgreement> builder)
    {
        builder.ToTable("ServiceAgreements");
        builder.Property(a => a.Number).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ServiceItems).HasMaxLength(1000);
        builder.Property(a => a.ChargingTerms).HasMaxLength(1000);
        builder.Property(a => a.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(a => new { a.TenantId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.CustomerId });
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Units).WithOne().HasForeignKey(u => u.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceAgreementUnitConfiguration : IEntityTypeConfiguration<ServiceAgreementUnit>
{
    public void Configure(EntityTypeBuilder<ServiceAgreementUnit> builder)
    {
        builder.ToTable("ServiceAgreementUnits");
        builder.Property(u => u.SerialNumber).HasMaxLength(64).IsRequired();
        builder.HasIndex(u => new { u.TenantId, u.SerialNumber });
    }
}

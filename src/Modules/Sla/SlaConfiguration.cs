using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Sla;

internal sealed class ServiceLevelTargetConfiguration : IEntityTypeConfiguration<ServiceLevelTarget>
{
    public void Configure(EntityTypeBuilder<ServiceLevelTarget> builder)
    {
        builder.ToTable("ServiceLevelTargets");
        builder.HasIndex(t => new { t.TenantId, t.ServiceTypeId });
        builder.HasOne<AfterSales.Modules.Service.ServiceType>().WithMany().HasForeignKey(t => t.ServiceTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BusinessHoursConfiguration : IEntityTypeConfiguration<BusinessHours>
{
    public void Configure(EntityTypeBuilder<BusinessHours> builder)
    {
        builder.ToTable("BusinessHours");
        builder.Property(h => h.Periods).HasMaxLength(2000).IsRequired();
        builder.Property(h => h.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(h => h.TenantId).IsUnique();
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.ToTable("Holidays");
        builder.Property(h => h.Name).HasMaxLength(SlaBook.HolidayNameLength).IsRequired();
        builder.HasIndex(h => new { h.TenantId, h.Date }).IsUnique();
    }
}

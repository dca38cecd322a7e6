using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Reports;

internal sealed class KpiAlertRuleConfiguration : IEntityTypeConfiguration<KpiAlertRule>
{
    public void Configure(EntityTypeBuilder<KpiAlertRule> builder)
    {
        builder.ToTable("KpiAlertRules");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.NotifiedPeriod).HasMaxLength(16);
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(r => new { r.TenantId, r.Kind }).IsUnique();
    }
}

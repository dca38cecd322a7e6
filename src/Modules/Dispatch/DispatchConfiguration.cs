using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Dispatch;

internal sealed class AssignmentRuleConfiguration : IEntityTypeConfiguration<AssignmentRule>
{
    public void Configure(EntityTypeBuilder<AssignmentRule> builder)
    {
        builder.ToTable("AssignmentRules");
        builder.Property(r => r.Name).HasMaxLength(AssignmentRules.NameLength).IsRequired();
        // Short lists read and written with the rule: stored as JSON columns, not joined tables.
        builder.PrimitiveCollection(r => r.ServiceTypeIds);
        builder.PrimitiveCollection(r => r.Priorities);
        builder.PrimitiveCollection(r => r.Regions);
        builder.PrimitiveCollection(r => r.CategoryIds);
        builder.PrimitiveCollection(r => r.EngineerIds);
        builder.Property(r => r.LastAssignedId).HasMaxLength(64);
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(r => new { r.TenantId, r.SortOrder });
    }
}

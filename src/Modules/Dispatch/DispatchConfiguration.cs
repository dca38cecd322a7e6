using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Dispatch;

internal sealed class AssignmentRuleConfiguration : IEntityTypeConfiguration<AssignmentRule>
{
    public void Configure(EntityTypeBuilder<AssignmentRule> builder)
    {
        builder.ToTable("AssignmentRules");
        builder.Property(r => r.Name).HasMaxLength(AssignmentRules.NameLength).IsRequired();
        builder.Property(r => r.RuleSet).HasMaxLength(AssignmentRules.RuleSetLength);
        // Short lists read and written with the rule: stored as JSON columns, not joined tables.
        builder.PrimitiveCollection(r => r.ServiceTypeIds);
        builder.PrimitiveCollection(r => r.Priorities);
        builder.PrimitiveCollection(r => r.Regions);
        builder.PrimitiveCollection(r => r.CategoryIds);
        builder.PrimitiveCollection(r => r.EngineerIds);
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(r => new { r.TenantId, r.SortOrder });
    }
}

internal sealed class AssignmentCursorConfiguration : IEntityTypeConfiguration<AssignmentCursor>
{
    public void Configure(EntityTypeBuilder<AssignmentCursor> builder)
    {
        builder.ToTable("AssignmentCursors");
        builder.HasKey(c => c.RuleId);
        builder.Property(c => c.LastUserId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasOne<AssignmentRule>().WithMany().HasForeignKey(c => c.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.TenantId);
    }
}

internal sealed class EngineerProfileConfiguration : IEntityTypeConfiguration<EngineerProfile>
{
    public void Configure(EntityTypeBuilder<EngineerProfile> builder)
    {
        builder.ToTable("EngineerProfiles");
        builder.Property(p => p.UserId).HasMaxLength(64).IsRequired();
        builder.PrimitiveCollection(p => p.ServiceTypeIds);
        builder.PrimitiveCollection(p => p.CategoryIds);
        builder.PrimitiveCollection(p => p.Regions);
        builder.PrimitiveCollection(p => p.WorkingDays);
        builder.Property(p => p.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(p => new { p.TenantId, p.UserId }).IsUnique();
    }
}

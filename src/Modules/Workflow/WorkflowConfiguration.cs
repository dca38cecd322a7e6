using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Workflow;

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<WorkflowVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowVersion> builder)
    {
        builder.ToTable("WorkflowVersions");
        builder.Property(v => v.Key).HasMaxLength(WorkflowBook.KeyLength).IsRequired();
        builder.Property(v => v.NameZh).HasMaxLength(64).IsRequired();
        builder.Property(v => v.NameEn).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Json).IsRequired();
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(v => new { v.TenantId, v.Key, v.Version }).IsUnique();
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.DefinitionKey).HasMaxLength(WorkflowBook.KeyLength).IsRequired();
        builder.Property(i => i.Status).HasMaxLength(WorkflowBook.KeyLength).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Json).IsRequired();
        builder.HasIndex(i => new { i.TenantId, i.DefinitionKey, i.DefinitionVersion, i.Status });
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> builder)
    {
        builder.ToTable("WorkflowTimers");
        builder.Property(t => t.TimerKey).HasMaxLength(WorkflowBook.KeyLength).IsRequired();
        builder.Property(t => t.LastError).HasMaxLength(1000);
        builder.HasIndex(t => new { t.TenantId, t.InstanceId, t.TimerKey, t.Generation }).IsUnique();
        // The poll crosses tenants: due pending timers, oldest first.
        builder.HasIndex(t => new { t.State, t.DueAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Reminders;

internal sealed class CareEntryConfiguration : IEntityTypeConfiguration<CareEntry>
{
    public void Configure(EntityTypeBuilder<CareEntry> builder)
    {
        builder.ToTable("CareEntries");
        builder.Property(e => e.Description).HasMaxLength(CareLedger.DescriptionLength).IsRequired();
        builder.Property(e => e.ByUserId).HasMaxLength(64);
        builder.Property(e => e.ByName).HasMaxLength(128).IsRequired();
        builder.HasOne<AfterSales.Modules.Customers.Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TenantId, e.CustomerId, e.Date });
    }
}

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.ToTable("FollowUpTasks");
        builder.Property(t => t.Subject).HasMaxLength(FollowUpDesk.SubjectLength).IsRequired();
        builder.Property(t => t.AssigneeId).HasMaxLength(64);
        builder.Property(t => t.AssigneeName).HasMaxLength(128);
        builder.Property(t => t.AssigneeRole).HasMaxLength(64);
        builder.Property(t => t.Notes).HasMaxLength(FollowUpDesk.NotesLength);
        builder.Property(t => t.DoneBy).HasMaxLength(128);
        builder.Property(t => t.CreatedBy).HasMaxLength(128);
        builder.Property(t => t.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasOne<AfterSales.Modules.Customers.Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // No foreign keys to units, requests or rules: a second cascade path SQL Server refuses, and a task outlives what opened it.
        builder.HasIndex(t => new { t.TenantId, t.IsDone, t.DueDate });
        builder.HasIndex(t => new { t.TenantId, t.CustomerId });
    }
}

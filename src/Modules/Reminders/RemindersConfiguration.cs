using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Reminders;

internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    public void Configure(EntityTypeBuilder<ReminderRule> builder)
    {
        builder.ToTable("ReminderRules");
        builder.Property(r => r.Name).HasMaxLength(ReminderRules.NameLength).IsRequired();
        builder.Property(r => r.OffsetDays).HasMaxLength(32).IsRequired();
        builder.Property(r => r.StaffRole).HasMaxLength(64);
        builder.Property(r => r.SubjectZh).HasMaxLength(AfterSales.Modules.Notifications.NotificationRules.SubjectLength).IsRequired();
        builder.Property(r => r.SubjectEn).HasMaxLength(AfterSales.Modules.Notifications.NotificationRules.SubjectLength).IsRequired();
        builder.Property(r => r.BodyZh).HasMaxLength(AfterSales.Modules.Notifications.NotificationRules.BodyLength).IsRequired();
        builder.Property(r => r.BodyEn).HasMaxLength(AfterSales.Modules.Notifications.NotificationRules.BodyLength).IsRequired();
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.Ignore(r => r.Offsets);
        builder.Ignore(r => r.Quiet);
        builder.HasIndex(r => new { r.TenantId, r.Name }).IsUnique();
        builder.HasOne<AfterSales.Modules.Service.ServiceType>().WithMany().HasForeignKey(r => r.ServiceTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DueReminderConfiguration : IEntityTypeConfiguration<DueReminder>
{
    public void Configure(EntityTypeBuilder<DueReminder> builder)
    {
        builder.ToTable("DueReminders");
        builder.Property(r => r.Note).HasMaxLength(64);
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasOne<ReminderRule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AfterSales.Modules.Products.SerialNumber>().WithMany().HasForeignKey(r => r.SerialNumberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.OutboxMessage).WithMany().HasForeignKey(r => r.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AfterSales.Modules.Service.ServiceRequest>().WithMany().HasForeignKey(r => r.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TenantId, r.RuleId, r.SerialNumberId, r.ConsumableId, r.DueDate }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.RuleId, r.ServiceRequestId, r.OffsetDays, r.BasisAt }).IsUnique();
        // A birthday greeting once per customer, offset and year; no foreign key, as a deleted customer's greeting is cancelled when due.
        builder.HasIndex(r => new { r.TenantId, r.RuleId, r.CustomerId, r.DueDate }).IsUnique();
        // A tenant's sending: its pending rows by due time, and the batch it loads again by id, without reading other tenants' rows.
        // The scan finds the tenants with rows due through it too, one seek per tenant: no index across tenants by due time, whose
        // every planned row lands at a random place.
        builder.HasIndex(r => new { r.TenantId, r.State, r.DueAt });
        builder.HasIndex(r => new { r.TenantId, r.RuleId, r.State, r.DueDate });
    }
}

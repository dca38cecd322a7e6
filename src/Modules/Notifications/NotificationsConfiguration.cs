using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Notifications;

internal sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> builder)
    {
        builder.ToTable("StaffNotifications");
        builder.Property(n => n.UserId).HasMaxLength(64).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(NotificationRules.SubjectLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(NotificationRules.BodyLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(300);
        // The bell: a user's unread ones, newest first.
        builder.HasIndex(n => new { n.TenantId, n.UserId, n.ReadAt, n.CreatedAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Recipient).HasMaxLength(256).IsRequired();
        builder.Property(m => m.RecipientName).HasMaxLength(128);
        builder.Property(m => m.TemplateKey).HasMaxLength(NotificationRules.KeyLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(NotificationRules.SubjectLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(NotificationRules.BodyLength).IsRequired();
        builder.Property(m => m.Link).HasMaxLength(300);
        builder.Property(m => m.RequestNumber).HasMaxLength(32);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        // The poll crosses tenants: pending rows due by now. The log pages one tenant's rows, newest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.TenantId, m.CreatedAt });
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.ToTable("NotificationTemplates");
        builder.Property(t => t.Key).HasMaxLength(NotificationRules.KeyLength).IsRequired();
        builder.Property(t => t.SubjectZh).HasMaxLength(NotificationRules.SubjectLength).IsRequired();
        builder.Property(t => t.SubjectEn).HasMaxLength(NotificationRules.SubjectLength).IsRequired();
        builder.Property(t => t.BodyZh).HasMaxLength(NotificationRules.BodyLength).IsRequired();
        builder.Property(t => t.BodyEn).HasMaxLength(NotificationRules.BodyLength).IsRequired();
        builder.Property(t => t.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(t => new { t.TenantId, t.Key }).IsUnique();
    }
}

internal sealed class TenantMailSettingsConfiguration : IEntityTypeConfiguration<TenantMailSettings>
{
    public void Configure(EntityTypeBuilder<TenantMailSettings> builder)
    {
        builder.ToTable("TenantMailSettings");
        builder.Property(s => s.Host).HasMaxLength(MailSettingsBook.HostLength).IsRequired();
        builder.Property(s => s.UserName).HasMaxLength(256);
        builder.Property(s => s.ProtectedPassword).HasMaxLength(2000);
        builder.Property(s => s.FromAddress).HasMaxLength(256).IsRequired();
        builder.Property(s => s.FromName).HasMaxLength(128);
        builder.Property(s => s.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(s => s.TenantId).IsUnique();
    }
}

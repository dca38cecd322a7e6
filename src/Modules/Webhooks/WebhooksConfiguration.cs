using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.Property(e => e.Name).HasMaxLength(WebhookRules.NameLength).IsRequired();
        builder.Property(e => e.Url).HasMaxLength(WebhookRules.UrlLength).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1000);
        builder.Property(e => e.Events).HasMaxLength(500).IsRequired();
        builder.Property(e => e.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(e => new { e.TenantId, e.Name }).IsUnique();
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.Event).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.RequestNumber).HasMaxLength(32);
        builder.Property(d => d.Response).HasMaxLength(WebhookRules.ResponseLength);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.TenantId, d.CreatedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Forms;

internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> builder)
    {
        builder.ToTable("FormVersions");
        builder.Property(v => v.FormKey).HasMaxLength(64).IsRequired();
        builder.Property(v => v.SchemaJson).IsRequired();
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        // Two admins starting a draft at once both take the next number: the second save fails instead of forking the form.
        builder.HasIndex(v => new { v.TenantId, v.FormKey, v.Version }).IsUnique();
        builder.Ignore(v => v.Schema);
    }
}

internal sealed class CustomFieldValueConfiguration : IEntityTypeConfiguration<CustomFieldValue>
{
    public void Configure(EntityTypeBuilder<CustomFieldValue> builder)
    {
        builder.ToTable("CustomFieldValues");
        builder.Property(v => v.FieldKey).HasMaxLength(32).IsRequired();
        builder.Property(v => v.Term).HasMaxLength(CustomFieldValue.TermLength).IsRequired();
        builder.Property(v => v.Text).HasMaxLength(Forms.FieldDefinition.TextLimit);
        builder.HasIndex(v => new { v.TenantId, v.OwnerId, v.FieldKey });
        builder.HasIndex(v => new { v.TenantId, v.FieldKey, v.Term });
        builder.HasIndex(v => new { v.TenantId, v.FieldKey, v.Number });
    }
}

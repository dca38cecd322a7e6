using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Service;

internal sealed class ServiceTypeConfiguration : IEntityTypeConfiguration<ServiceType>
{
    public void Configure(EntityTypeBuilder<ServiceType> builder)
    {
        builder.ToTable("ServiceTypes");
        builder.Property(t => t.Code).HasMaxLength(ServiceRules.TypeCodeLength).IsRequired();
        builder.Property(t => t.NameZh).HasMaxLength(64).IsRequired();
        builder.Property(t => t.NameEn).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Icon).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Color).HasMaxLength(16).IsRequired();
        builder.Property(t => t.WorkflowKey).HasMaxLength(AfterSales.Modules.Workflow.WorkflowBook.KeyLength).IsRequired().HasDefaultValue(ServiceType.DefaultWorkflowKey);
        builder.Property(t => t.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(t => new { t.TenantId, t.Code }).IsUnique();
    }
}

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.ToTable("ServiceRequests");
        builder.Property(r => r.Number).HasMaxLength(32).IsRequired();
        builder.Property(r => r.Channel).HasMaxLength(RequestChannels.CodeLength).IsRequired();
        builder.Property(r => r.ContactName).HasMaxLength(100);
        builder.Property(r => r.ContactPhone).HasMaxLength(32);
        builder.Property(r => r.SerialNumber).HasMaxLength(64);
        builder.Property(r => r.ModelCode).HasMaxLength(64);
        builder.Property(r => r.WarrantyState).HasMaxLength(32);
        builder.Property(r => r.AgreementNumber).HasMaxLength(32);
        builder.Property(r => r.Subject).HasMaxLength(ServiceRules.SubjectLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(ServiceRules.DescriptionLength);
        builder.Property(r => r.AssigneeId).HasMaxLength(450);
        builder.Property(r => r.AssigneeName).HasMaxLength(256);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.Property(r => r.Status).HasMaxLength(AfterSales.Modules.Workflow.WorkflowBook.KeyLength).IsRequired();
        builder.Property(r => r.WorkflowKey).HasMaxLength(AfterSales.Modules.Workflow.WorkflowBook.KeyLength).IsRequired();
        builder.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.TenantId, r.StatusCategory, r.CreatedAt });
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt });
        builder.HasIndex(r => new { r.TenantId, r.CustomerId });
        builder.HasIndex(r => new { r.TenantId, r.SerialNumberId });
        builder.HasIndex(r => new { r.TenantId, r.AssigneeId, r.Status });
        builder.HasOne(r => r.ServiceType).WithMany().HasForeignKey(r => r.ServiceTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("RequestEvents");
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.Property(e => e.By).HasMaxLength(256);
        builder.Property(e => e.Text).HasMaxLength(ServiceRules.CommentLength);
        builder.Property(e => e.FromStatus).HasMaxLength(AfterSales.Modules.Workflow.WorkflowBook.KeyLength);
        builder.Property(e => e.ToStatus).HasMaxLength(AfterSales.Modules.Workflow.WorkflowBook.KeyLength);
        builder.Property(e => e.Details).HasMaxLength(RequestEvent.DetailsLength);
        builder.HasIndex(e => new { e.TenantId, e.ServiceRequestId, e.At });
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(e => e.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> builder)
    {
        builder.ToTable("RequestAttachments");
        builder.Property(a => a.FileName).HasMaxLength(AttachmentRules.FileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(128).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(256).IsRequired();
        builder.Property(a => a.UploadedById).HasMaxLength(450);
        builder.Property(a => a.UploadedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.TenantId, a.ServiceRequestId, a.UploadedAt });
        // Not cascade: the database cannot delete the stored files, so removing a request must go through its attachments first.
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(a => a.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestNumberCounterConfiguration : IEntityTypeConfiguration<RequestNumberCounter>
{
    public void Configure(EntityTypeBuilder<RequestNumberCounter> builder)
    {
        builder.ToTable("RequestNumberCounters");
        builder.HasKey(c => new { c.TenantId, c.Day });
        // Two requests numbered at once on a provider that does not serialise writes: the second save fails and retries.
        builder.Property(c => c.Last).IsConcurrencyToken();
    }
}

internal sealed class ServiceCounterConfiguration : IEntityTypeConfiguration<ServiceCounter>
{
    public void Configure(EntityTypeBuilder<ServiceCounter> builder)
    {
        builder.ToTable("ServiceCounters");
        builder.HasKey(c => new { c.TenantId, c.Kind, c.Key });
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.Property(c => c.Count).IsConcurrencyToken();
    }
}

internal sealed class DictionaryEntryConfiguration : IEntityTypeConfiguration<DictionaryEntry>
{
    public void Configure(EntityTypeBuilder<DictionaryEntry> builder)
    {
        builder.ToTable("DictionaryEntries");
        builder.Property(e => e.NameZh).HasMaxLength(64).IsRequired();
        builder.Property(e => e.NameEn).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Code).HasMaxLength(RequestChannels.CodeLength);
        builder.HasIndex(e => new { e.TenantId, e.Kind, e.ParentId });
        // Also what makes two first visits seeding the channels at once leave one set, not two.
        builder.HasIndex(e => new { e.TenantId, e.Kind, e.Code }).IsUnique();
        builder.HasOne<DictionaryEntry>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> builder)
    {
        builder.ToTable("SavedFilters");
        builder.Property(f => f.UserId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.Page).HasMaxLength(32).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(SavedFilter.NameLength).IsRequired();
        builder.Property(f => f.Query).HasMaxLength(SavedFilter.QueryLength).IsRequired();
        builder.HasIndex(f => new { f.TenantId, f.UserId, f.Page, f.Name }).IsUnique();
    }
}

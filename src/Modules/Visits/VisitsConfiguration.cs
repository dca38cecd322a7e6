using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Visits;

internal sealed class ReturnVisitConfiguration : IEntityTypeConfiguration<ReturnVisit>
{
    public void Configure(EntityTypeBuilder<ReturnVisit> builder)
    {
        builder.ToTable("ReturnVisits");
        builder.Property(v => v.Comment).HasMaxLength(VisitAnswers.CommentLength);
        builder.Property(v => v.RecordedById).HasMaxLength(450);
        builder.Property(v => v.RecordedBy).HasMaxLength(256);
        builder.Property(v => v.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasOne<AfterSales.Modules.Service.ServiceRequest>().WithMany().HasForeignKey(v => v.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        // One pending visit per request, whatever runs the action twice (the timer and the button at once); the filter is plain
        // SQL both providers read alike.
        builder.HasIndex(v => new { v.TenantId, v.ServiceRequestId }).IsUnique().HasFilter("Status = 0").HasDatabaseName("IX_ReturnVisits_OnePending");
        builder.HasIndex(v => new { v.TenantId, v.Status, v.DueAt });
    }
}

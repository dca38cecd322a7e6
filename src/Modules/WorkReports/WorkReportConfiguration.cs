using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.WorkReports;

internal sealed class WorkReportConfiguration : IEntityTypeConfiguration<WorkReport>
{
    public void Configure(EntityTypeBuilder<WorkReport> builder)
    {
        builder.ToTable("WorkReports");
        builder.Property(r => r.RequestNumber).HasMaxLength(32).IsRequired();
        builder.Property(r => r.EngineerId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.EngineerName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Measures).HasMaxLength(WorkReportRules.TextLength).IsRequired();
        builder.Property(r => r.OtherFeeNote).HasMaxLength(200);
        builder.Property(r => r.CustomerRemark).HasMaxLength(WorkReportRules.TextLength);
        builder.Property(r => r.SignatureKey).HasMaxLength(300);
        builder.Property(r => r.SignedBy).HasMaxLength(100);
        builder.Property(r => r.VerifiedBy).HasMaxLength(100);
        builder.Property(r => r.VerificationNote).HasMaxLength(WorkReportRules.TextLength);
        builder.Property(r => r.VerificationCode).HasMaxLength(32).IsRequired();
        builder.Property(r => r.LaborHours).HasPrecision(6, 2);
        builder.Property(r => r.LaborFee).HasPrecision(18, 2);
        builder.Property(r => r.TravelFee).HasPrecision(18, 2);
        builder.Property(r => r.OtherFee).HasPrecision(18, 2);
        builder.PrimitiveCollection(r => r.PhotoIds);
        builder.Property(r => r.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasOne<AfterSales.Modules.Service.ServiceRequest>().WithMany().HasForeignKey(r => r.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Parts).WithOne().HasForeignKey(p => p.WorkReportId).OnDelete(DeleteBehavior.Cascade);
        // A request's reports; the visit, state and result ride along so the resolution report's first-visit question is answered
        // from the index alone (docs/benchmarks.md) without a second index on the same two columns.
        builder.HasIndex(r => new { r.TenantId, r.ServiceRequestId, r.Visit, r.State, r.Result });
        builder.HasIndex(r => new { r.TenantId, r.State, r.SubmittedAt });
        builder.HasIndex(r => new { r.TenantId, r.VerificationCode }).IsUnique();
    }
}

internal sealed class WorkReportPartConfiguration : IEntityTypeConfiguration<WorkReportPart>
{
    public void Configure(EntityTypeBuilder<WorkReportPart> builder)
    {
        builder.ToTable("WorkReportParts");
        builder.Property(p => p.Code).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Quantity).HasPrecision(12, 2);
        builder.Property(p => p.UnitPrice).HasPrecision(18, 2);
        builder.HasIndex(p => new { p.TenantId, p.WorkReportId });
    }
}

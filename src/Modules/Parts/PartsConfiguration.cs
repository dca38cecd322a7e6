using AfterSales.Modules.Rma;
using AfterSales.Modules.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Parts;

internal sealed class PartRequestConfiguration : IEntityTypeConfiguration<PartRequest>
{
    public void Configure(EntityTypeBuilder<PartRequest> builder)
    {
        builder.ToTable("PartRequests");
        builder.Property(p => p.Number).HasMaxLength(40).IsRequired();
        builder.Property(p => p.RequestNumber).HasMaxLength(32).IsRequired();
        builder.Property(p => p.Reason).HasMaxLength(PartRequest.NoteLength).IsRequired();
        builder.Property(p => p.DecisionNote).HasMaxLength(PartRequest.NoteLength);
        builder.Property(p => p.CarrierCode).HasMaxLength(CarrierBook.CodeLength);
        builder.Property(p => p.TrackingNumber).HasMaxLength(PartRequest.TrackingLength);
        builder.Property(p => p.OldPartCarrierCode).HasMaxLength(CarrierBook.CodeLength);
        builder.Property(p => p.OldPartTrackingNumber).HasMaxLength(PartRequest.TrackingLength);
        builder.Property(p => p.OldPartWaiver).HasMaxLength(PartRequest.NoteLength);
        builder.Property(p => p.AppliedBy).HasMaxLength(256);
        builder.Property(p => p.AppliedByUserId).HasMaxLength(64);
        builder.Property(p => p.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.Ignore(p => p.ChargedTotal);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(p => p.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PartRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Movements).WithOne().HasForeignKey(m => m.PartRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.TenantId, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.ServiceRequestId });
        builder.HasIndex(p => new { p.TenantId, p.Status, p.LastMovementAt });
    }
}

internal sealed class PartRequestLineConfiguration : IEntityTypeConfiguration<PartRequestLine>
{
    public void Configure(EntityTypeBuilder<PartRequestLine> builder)
    {
        builder.ToTable("PartRequestLines");
        builder.Property(l => l.PartCode).HasMaxLength(64).IsRequired();
        builder.Property(l => l.PartName).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Unit).HasMaxLength(16);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 2);
        builder.Property(l => l.ClaimSupplier).HasMaxLength(100);
        builder.Property(l => l.ClaimAmount).HasPrecision(18, 2);
        builder.Ignore(l => l.ChargedAmount);
        builder.HasIndex(l => new { l.TenantId, l.PartRequestId });
    }
}

internal sealed class PartMovementConfiguration : IEntityTypeConfiguration<PartMovement>
{
    public void Configure(EntityTypeBuilder<PartMovement> builder)
    {
        builder.ToTable("PartMovements");
        builder.Property(m => m.By).HasMaxLength(256);
        builder.Property(m => m.ByUserId).HasMaxLength(64);
        builder.Property(m => m.Note).HasMaxLength(PartRequest.NoteLength);
        builder.Property(m => m.CarrierCode).HasMaxLength(CarrierBook.CodeLength);
        builder.Property(m => m.TrackingNumber).HasMaxLength(PartRequest.TrackingLength);
        builder.Property(m => m.PartCode).HasMaxLength(64);
        builder.Property(m => m.Amount).HasPrecision(18, 2);
        builder.HasIndex(m => new { m.TenantId, m.PartRequestId });
    }
}

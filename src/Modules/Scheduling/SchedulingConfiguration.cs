using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Scheduling;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("Appointments");
        builder.Property(a => a.EngineerId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.EngineerName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Note).HasMaxLength(Appointment.NoteLength);
        builder.Property(a => a.AgreedById).HasMaxLength(64);
        builder.Property(a => a.AgreedBy).HasMaxLength(256);
        builder.Property(a => a.CancelledBy).HasMaxLength(256);
        builder.Property(a => a.CancelReason).HasMaxLength(Appointment.ReasonLength);
        builder.Property(a => a.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.Ignore(a => a.Window);
        builder.HasOne<AfterSales.Modules.Service.ServiceRequest>().WithMany().HasForeignKey(a => a.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.ServiceRequestId });
        // Null (cancelled, done) repeats freely: SQLite allows many nulls in a unique index, SQL Server gets an IS NOT NULL filter.
        builder.HasIndex(a => new { a.TenantId, a.PlannedRequestId }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.Day, a.EngineerId });
    }
}

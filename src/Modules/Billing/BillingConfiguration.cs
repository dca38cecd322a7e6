using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Billing;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("Plans");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.NameZh).HasMaxLength(64).IsRequired();
        builder.Property(p => p.NameEn).HasMaxLength(64).IsRequired();
        builder.Property(p => p.MonthlyPrice).HasPrecision(12, 2);
        builder.Property(p => p.YearlyPrice).HasPrecision(12, 2);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.StripeMonthlyPriceId).HasMaxLength(100);
        builder.Property(p => p.StripeYearlyPriceId).HasMaxLength(100);
        builder.HasData(
            new Plan
            {
                Code = Plan.Trial, NameZh = "免费试用", NameEn = "Free trial", SortOrder = 10,
                StaffSeats = 3, Engineers = 2, SerialNumbers = 500, StorageMb = 500, ApiCallsPerDay = 1_000, ReminderEmailsPerMonth = 200,
                CustomWorkflows = false, PortalBranding = true, ApiAccess = true, Subdomain = false,
            },
            new Plan
            {
                Code = Plan.Standard, NameZh = "标准版", NameEn = "Standard", SortOrder = 20, MonthlyPrice = 699, YearlyPrice = 6_990,
                StaffSeats = 10, Engineers = 10, SerialNumbers = 20_000, StorageMb = 10_240, ApiCallsPerDay = 20_000, ReminderEmailsPerMonth = 5_000,
                CustomWorkflows = false, PortalBranding = true, ApiAccess = true, Subdomain = false,
            },
            new Plan
            {
                Code = Plan.Professional, NameZh = "专业版", NameEn = "Professional", SortOrder = 30, MonthlyPrice = 1_999, YearlyPrice = 19_990,
                StaffSeats = 50, Engineers = 100, SerialNumbers = 500_000, StorageMb = 102_400, ApiCallsPerDay = 200_000, ReminderEmailsPerMonth = 50_000,
                CustomWorkflows = true, PortalBranding = true, ApiAccess = true, Subdomain = true,
            });
    }
}

internal sealed class TenantSubscriptionConfiguration : IEntityTypeConfiguration<TenantSubscription>
{
    public void Configure(EntityTypeBuilder<TenantSubscription> builder)
    {
        builder.ToTable("TenantSubscriptions");
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<TenantSubscription>(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.PlanCode).HasMaxLength(32).IsRequired();
        builder.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.StripeCustomerId).HasMaxLength(100);
        builder.Property(s => s.StripeSubscriptionId).HasMaxLength(100);
        builder.HasIndex(s => s.StripeCustomerId);
        builder.HasIndex(s => s.StripeSubscriptionId);
        builder.Property(s => s.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
    }
}

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("StripeEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(100);
        builder.Property(e => e.Type).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Error).HasMaxLength(2000);
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.SubscriptionId).HasMaxLength(100);
        builder.HasIndex(e => e.ReceivedAt);
    }
}

internal sealed class PendingSignUpConfiguration : IEntityTypeConfiguration<PendingSignUp>
{
    public void Configure(EntityTypeBuilder<PendingSignUp> builder)
    {
        builder.ToTable("PendingSignUps");
        builder.Property(p => p.Identifier).HasMaxLength(40).IsRequired();
        builder.Property(p => p.CompanyName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.AdminName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(256).IsRequired();
        builder.Property(p => p.PasswordHash).HasMaxLength(512).IsRequired();
        builder.Property(p => p.Culture).HasMaxLength(10);
        builder.Property(p => p.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => p.TokenHash).IsUnique();
        builder.HasIndex(p => p.Identifier);
    }
}

internal sealed class SupportGrantConfiguration : IEntityTypeConfiguration<SupportGrant>
{
    public void Configure(EntityTypeBuilder<SupportGrant> builder)
    {
        builder.ToTable("SupportGrants");
        builder.Property(g => g.Role).HasMaxLength(32).IsRequired();
        builder.Property(g => g.Reason).HasMaxLength(SupportAccess.ReasonLength);
        builder.Property(g => g.GrantedById).HasMaxLength(450);
        builder.Property(g => g.GrantedBy).HasMaxLength(256);
        builder.Property(g => g.RevokedBy).HasMaxLength(256);
        builder.Property(g => g.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(g => new { g.TenantId, g.ExpiresAt });
        // The operators' console looks for valid grants across tenants.
        builder.HasIndex(g => g.ExpiresAt);
    }
}

internal sealed class SupportVisitConfiguration : IEntityTypeConfiguration<SupportVisit>
{
    public void Configure(EntityTypeBuilder<SupportVisit> builder)
    {
        builder.ToTable("SupportVisits");
        builder.Property(v => v.OperatorId).HasMaxLength(450).IsRequired();
        builder.Property(v => v.OperatorName).HasMaxLength(256);
        builder.HasIndex(v => new { v.TenantId, v.GrantId, v.OperatorId }).IsUnique();
    }
}

internal sealed class UsageCounterConfiguration : IEntityTypeConfiguration<UsageCounter>
{
    public void Configure(EntityTypeBuilder<UsageCounter> builder)
    {
        builder.ToTable("UsageCounters");
        builder.HasKey(c => new { c.TenantId, c.Meter, c.Period });
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Meter).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

using AfterSales.Modules.Administration;
using AfterSales.Modules.Products;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Billing;

/// <summary>What billing sees of the database: its own platform tables and what it counts for usage.</summary>
public interface IBillingDb : IDisposable
{
    DbSet<Plan> Plans { get; }
    DbSet<TenantSubscription> TenantSubscriptions { get; }
    DbSet<StripeEventRecord> StripeEvents { get; }
    DbSet<PendingSignUp> PendingSignUps { get; }
    DbSet<Tenant> Tenants { get; }
    DbSet<ApplicationUser> Users { get; }
    DbSet<IdentityUserRole<string>> UserRoles { get; }
    DbSet<IdentityRole> Roles { get; }
    DbSet<SerialNumber> SerialNumbers { get; }
    DbSet<RequestAttachment> RequestAttachments { get; }
    DbSet<DueReminder> DueReminders { get; }
    DbSet<SupportGrant> SupportGrants { get; }
    DbSet<SupportVisit> SupportVisits { get; }
    DbSet<UsageCounter> UsageCounters { get; }
    DbSet<AfterSales.Modules.Knowledge.ArticleFile> ArticleFiles { get; }
    DbSet<AfterSales.Modules.WorkReports.WorkReport> WorkReports { get; }
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using AfterSales.Modules.Administration;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Workflow;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Data;

/// <summary>
/// The one database of the product, composed from the modules' configurations. Provider-specific
/// subclasses exist only to keep a migration set per provider.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, ITenantContext tenantContext)
    : IdentityDbContext<ApplicationUser>(options),
      IMultiTenantDbContext, ITenantStoreDbContext, IDataProtectionKeyContext, IAdministrationDb, ICustomersDb, IProductsDb, IServiceDb, IFormsDb, IWorkflowDb,
      AfterSales.Modules.Sla.ISlaDb, AfterSales.Modules.Notifications.INotificationsDb,
      AfterSales.Modules.Webhooks.IWebhooksDb, AfterSales.Modules.Dispatch.IDispatchDb,
      AfterSales.Modules.Rma.IRmaDb, AfterSales.Modules.WorkReports.IWorkReportsDb, AfterSales.Modules.Parts.IPartsDb, AfterSales.Modules.Visits.IVisitsDb, AfterSales.Modules.Scheduling.ISchedulingDb,
      AfterSales.Modules.Reminders.IRemindersDb, AfterSales.Modules.Knowledge.IKnowledgeDb, AfterSales.Modules.Billing.IBillingDb, AfterSales.Modules.Reports.IReportsDb, AfterSales.Portal.IPortalDb
{
    public string? CurrentTenantId => tenantContext.Tenant?.Id;

    /// <inheritdoc />
    public bool AuditEachChange { get; set; } = true;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardUsers();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardUsers();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The tenancy save hook handles ITenantOwned; users may be platform users (no tenant), so they are
    // stamped and checked here by the same rule: a user is written only within its own tenant.
    private void GuardUsers()
    {
        foreach (var entry in ChangeTracker.Entries<ApplicationUser>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.TenantId ??= CurrentTenantId;
            }

            var original = entry.State == EntityState.Added ? entry.Entity.TenantId : entry.Property(u => u.TenantId).OriginalValue;
            if (entry.State != EntityState.Unchanged && (original != CurrentTenantId || entry.Entity.TenantId != CurrentTenantId))
            {
                throw new TenantIsolationException("Cannot write a user of another tenant.");
            }
        }
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<AfterSales.Host.Api.ServerKey> ServerKeys => Set<AfterSales.Host.Api.ServerKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<AfterSales.Portal.Accounts.PortalAccount> PortalAccounts => Set<AfterSales.Portal.Accounts.PortalAccount>();
    public DbSet<CustomerContact> CustomerContacts => Set<CustomerContact>();
    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();
    public DbSet<ServiceAgreement> ServiceAgreements => Set<ServiceAgreement>();
    public DbSet<ServiceAgreementUnit> ServiceAgreementUnits => Set<ServiceAgreementUnit>();
    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();
    public DbSet<ProductModel> ProductModels => Set<ProductModel>();
    public DbSet<ModelConsumable> ModelConsumables => Set<ModelConsumable>();
    public DbSet<SparePart> SpareParts => Set<SparePart>();
    public DbSet<SerialNumber> SerialNumbers => Set<SerialNumber>();
    public DbSet<WarrantyExtension> WarrantyExtensions => Set<WarrantyExtension>();
    public DbSet<ServiceType> ServiceTypes => Set<ServiceType>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();
    public DbSet<RequestNumberCounter> RequestNumberCounters => Set<RequestNumberCounter>();
    public DbSet<ServiceCounter> ServiceCounters => Set<ServiceCounter>();
    public DbSet<DictionaryEntry> DictionaryEntries => Set<DictionaryEntry>();
    public DbSet<FormVersion> FormVersions => Set<FormVersion>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();
    public DbSet<CustomFieldValue> CustomFieldValues => Set<CustomFieldValue>();
    public DbSet<WorkflowVersion> WorkflowVersions => Set<WorkflowVersion>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();
    public DbSet<AfterSales.Modules.Sla.ServiceLevelTarget> ServiceLevelTargets => Set<AfterSales.Modules.Sla.ServiceLevelTarget>();
    public DbSet<AfterSales.Modules.Sla.BusinessHours> BusinessHours => Set<AfterSales.Modules.Sla.BusinessHours>();
    public DbSet<AfterSales.Modules.Sla.Holiday> Holidays => Set<AfterSales.Modules.Sla.Holiday>();
    public DbSet<AfterSales.Modules.Notifications.StaffNotification> StaffNotifications => Set<AfterSales.Modules.Notifications.StaffNotification>();
    public DbSet<AfterSales.Modules.Notifications.OutboxMessage> OutboxMessages => Set<AfterSales.Modules.Notifications.OutboxMessage>();
    public DbSet<AfterSales.Modules.Notifications.NotificationTemplate> NotificationTemplates => Set<AfterSales.Modules.Notifications.NotificationTemplate>();
    public DbSet<AfterSales.Modules.Webhooks.WebhookEndpoint> WebhookEndpoints => Set<AfterSales.Modules.Webhooks.WebhookEndpoint>();
    public DbSet<AfterSales.Modules.Webhooks.WebhookDelivery> WebhookDeliveries => Set<AfterSales.Modules.Webhooks.WebhookDelivery>();
    public DbSet<AfterSales.Modules.Dispatch.AssignmentRule> AssignmentRules => Set<AfterSales.Modules.Dispatch.AssignmentRule>();
    public DbSet<AfterSales.Modules.Rma.Carrier> Carriers => Set<AfterSales.Modules.Rma.Carrier>();
    public DbSet<AfterSales.Modules.Rma.RequestShipment> RequestShipments => Set<AfterSales.Modules.Rma.RequestShipment>();
    public DbSet<AfterSales.Modules.Rma.RmaJudgement> RmaJudgements => Set<AfterSales.Modules.Rma.RmaJudgement>();
    public DbSet<AfterSales.Modules.Dispatch.AssignmentCursor> AssignmentCursors => Set<AfterSales.Modules.Dispatch.AssignmentCursor>();
    public DbSet<AfterSales.Modules.Dispatch.EngineerProfile> EngineerProfiles => Set<AfterSales.Modules.Dispatch.EngineerProfile>();
    public DbSet<AfterSales.Modules.WorkReports.WorkReport> WorkReports => Set<AfterSales.Modules.WorkReports.WorkReport>();
    public DbSet<AfterSales.Modules.WorkReports.WorkReportPart> WorkReportParts => Set<AfterSales.Modules.WorkReports.WorkReportPart>();
    public DbSet<AfterSales.Modules.Parts.PartRequest> PartRequests => Set<AfterSales.Modules.Parts.PartRequest>();
    public DbSet<AfterSales.Modules.Parts.PartRequestLine> PartRequestLines => Set<AfterSales.Modules.Parts.PartRequestLine>();
    public DbSet<AfterSales.Modules.Parts.PartMovement> PartMovements => Set<AfterSales.Modules.Parts.PartMovement>();
    public DbSet<AfterSales.Modules.Visits.ReturnVisit> ReturnVisits => Set<AfterSales.Modules.Visits.ReturnVisit>();
    public DbSet<AfterSales.Modules.Scheduling.Appointment> Appointments => Set<AfterSales.Modules.Scheduling.Appointment>();
    public DbSet<AfterSales.Modules.Reminders.ReminderRule> ReminderRules => Set<AfterSales.Modules.Reminders.ReminderRule>();
    public DbSet<AfterSales.Modules.Reminders.DueReminder> DueReminders => Set<AfterSales.Modules.Reminders.DueReminder>();
    public DbSet<AfterSales.Modules.Reminders.CareEntry> CareEntries => Set<AfterSales.Modules.Reminders.CareEntry>();
    public DbSet<AfterSales.Modules.Reminders.FollowUpTask> FollowUpTasks => Set<AfterSales.Modules.Reminders.FollowUpTask>();
    public DbSet<AfterSales.Modules.Notifications.TenantMailSettings> TenantMailSettings => Set<AfterSales.Modules.Notifications.TenantMailSettings>();
    public DbSet<AfterSales.Modules.Knowledge.KnowledgeArticle> KnowledgeArticles => Set<AfterSales.Modules.Knowledge.KnowledgeArticle>();
    public DbSet<AfterSales.Modules.Knowledge.KnowledgeTerm> KnowledgeTerms => Set<AfterSales.Modules.Knowledge.KnowledgeTerm>();
    public DbSet<AfterSales.Modules.Knowledge.ArticleFile> ArticleFiles => Set<AfterSales.Modules.Knowledge.ArticleFile>();
    public DbSet<AfterSales.Modules.Billing.Plan> Plans => Set<AfterSales.Modules.Billing.Plan>();
    public DbSet<AfterSales.Modules.Billing.TenantSubscription> TenantSubscriptions => Set<AfterSales.Modules.Billing.TenantSubscription>();
    public DbSet<AfterSales.Modules.Billing.StripeEventRecord> StripeEvents => Set<AfterSales.Modules.Billing.StripeEventRecord>();
    public DbSet<AfterSales.Modules.Billing.PendingSignUp> PendingSignUps => Set<AfterSales.Modules.Billing.PendingSignUp>();
    public DbSet<AfterSales.Modules.Billing.SupportGrant> SupportGrants => Set<AfterSales.Modules.Billing.SupportGrant>();
    public DbSet<AfterSales.Modules.Billing.SupportVisit> SupportVisits => Set<AfterSales.Modules.Billing.SupportVisit>();
    public DbSet<AfterSales.Modules.Billing.UsageCounter> UsageCounters => Set<AfterSales.Modules.Billing.UsageCounter>();
    public DbSet<AfterSales.Modules.Reports.KpiAlertRule> KpiAlertRules => Set<AfterSales.Modules.Reports.KpiAlertRule>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfiguration(new TenantConfiguration());
        builder.Entity<AfterSales.Host.Api.ServerKey>(key =>
        {
            key.Property(k => k.Use).HasMaxLength(16);
            key.HasIndex(k => k.Use).IsUnique();
        });
        builder.ApplyConfigurationsFromAssembly(typeof(IAdministrationDb).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(AfterSales.Portal.IPortalDb).Assembly);
        ConfigureUsers(builder);
        builder.ApplyTenantIsolation(this);
    }

    // Users are the one tenant-scoped table whose TenantId may be null (platform operators), so they get
    // the same named filter by hand: in the platform area it matches operators only.
    private void ConfigureUsers(ModelBuilder builder)
    {
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.TenantId).HasMaxLength(64);
            user.Property(u => u.DisplayName).HasMaxLength(100);
            foreach (var index in user.Metadata.GetIndexes().Where(i => i.GetDatabaseName() is "UserNameIndex" or "EmailIndex").ToList())
            {
                user.Metadata.RemoveIndex(index);
            }

            user.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().HasDatabaseName("UserNameIndex");
            user.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).HasDatabaseName("EmailIndex");
            user.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
            user.HasQueryFilter(TenantModelBuilderExtensions.FilterName, u => u.TenantId == CurrentTenantId);
        });
        builder.Entity<IdentityRole>().Property(r => r.Name).HasMaxLength(64);
    }

    private sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
    {
        public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Tenant> builder)
        {
            builder.ToTable("Tenants");
            builder.Property(t => t.Id).HasMaxLength(64);
            builder.Property(t => t.Identifier).HasMaxLength(40).IsRequired();
            builder.HasIndex(t => t.Identifier).IsUnique();
            builder.Property(t => t.DisplayName).HasMaxLength(100).IsRequired();
            builder.Property(t => t.DefaultCulture).HasMaxLength(10);
            builder.Property(t => t.TimeZone).HasMaxLength(64);
            builder.Property(t => t.Plan).HasMaxLength(32);
            builder.Property(t => t.ConcurrencyStamp).HasMaxLength(64).IsConcurrencyToken();
            builder.OwnsOne(t => t.Branding, b =>
            {
                b.Property(x => x.LogoUrl).HasColumnName("LogoUrl");
                b.Property(x => x.PrimaryColor).HasColumnName("PrimaryColor").HasMaxLength(9);
                b.Property(x => x.PortalTitle).HasColumnName("PortalTitle").HasMaxLength(100);
                b.Property(x => x.WelcomeText).HasColumnName("PortalWelcomeText").HasMaxLength(TenantBranding.WelcomeTextLength);
                b.Property(x => x.PortalCulture).HasColumnName("PortalCulture").HasMaxLength(10);
                b.Property(x => x.ContactPhone).HasColumnName("ContactPhone").HasMaxLength(TenantBranding.ContactLength);
                b.Property(x => x.ContactEmail).HasColumnName("ContactEmail").HasMaxLength(TenantBranding.ContactLength);
                b.Property(x => x.ContactAddress).HasColumnName("ContactAddress").HasMaxLength(TenantBranding.ContactLength);
                b.Property(x => x.ContactHours).HasColumnName("ContactHours").HasMaxLength(TenantBranding.ContactLength);
            });
        }
    }
}

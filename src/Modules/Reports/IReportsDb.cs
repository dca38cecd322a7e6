using AfterSales.Modules.Customers;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Visits;
using AfterSales.Modules.WorkReports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// What reports read: the requests and what hangs off them, across the features that record them. Reports only read
/// those tables (they own nothing of them); they write their own alert thresholds and the alerts' outbox rows.
/// </summary>
public interface IReportsDb : IDisposable
{
    DbSet<ServiceRequest> ServiceRequests { get; }
    DbSet<ServiceType> ServiceTypes { get; }
    DbSet<RequestEvent> RequestEvents { get; }
    DbSet<DictionaryEntry> DictionaryEntries { get; }
    DbSet<Customer> Customers { get; }
    DbSet<ProductModel> ProductModels { get; }
    DbSet<SerialNumber> SerialNumbers { get; }
    DbSet<WorkReport> WorkReports { get; }
    DbSet<WorkReportPart> WorkReportParts { get; }
    DbSet<ReturnVisit> ReturnVisits { get; }
    DbSet<KpiAlertRule> KpiAlertRules { get; }

    /// <summary>The return-to-factory, care and dashboard figures: re-judgements, warranty extensions, consumables, planned visits.</summary>
    DbSet<AfterSales.Modules.Rma.RmaJudgement> RmaJudgements { get; }
    DbSet<WarrantyExtension> WarrantyExtensions { get; }
    DbSet<ModelConsumable> ModelConsumables { get; }
    DbSet<AfterSales.Modules.Scheduling.Appointment> Appointments { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<AfterSales.Modules.Administration.ApplicationUser> Users { get; }
    DbSet<IdentityUserRole<string>> UserRoles { get; }
    DbSet<IdentityRole> Roles { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

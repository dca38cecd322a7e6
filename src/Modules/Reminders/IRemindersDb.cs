using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>What the reminders feature sees of the database.</summary>
public interface IRemindersDb : IDisposable
{
    DbSet<ReminderRule> ReminderRules { get; }
    DbSet<DueReminder> DueReminders { get; }

    /// <summary>Customer care: gifts and points, and the follow-up calls rules and staff open.</summary>
    DbSet<CareEntry> CareEntries { get; }
    DbSet<FollowUpTask> FollowUpTasks { get; }

    /// <summary>Warranty reminders count down to the units' warranty end and are addressed to their owners.</summary>
    DbSet<AfterSales.Modules.Products.SerialNumber> SerialNumbers { get; }
    DbSet<AfterSales.Modules.Customers.Customer> Customers { get; }

    /// <summary>Maintenance plans follow the units' models, warranties and service agreements; consumables their lifetimes and replacements.</summary>
    DbSet<AfterSales.Modules.Products.ProductModel> ProductModels { get; }
    DbSet<AfterSales.Modules.Products.ModelConsumable> ModelConsumables { get; }
    DbSet<AfterSales.Modules.Customers.ServiceAgreement> ServiceAgreements { get; }
    DbSet<AfterSales.Modules.WorkReports.WorkReport> WorkReports { get; }
    DbSet<AfterSales.Modules.WorkReports.WorkReportPart> WorkReportParts { get; }
    DbSet<AfterSales.Modules.Service.ServiceType> ServiceTypes { get; }

    /// <summary>Request reminders count to the requests' deadlines and waiting spells (their status changes).</summary>
    DbSet<AfterSales.Modules.Service.ServiceRequest> ServiceRequests { get; }
    DbSet<AfterSales.Modules.Service.RequestEvent> RequestEvents { get; }

    /// <summary>Sending is writing outbox rows in the save that marks the reminder sent.</summary>
    DbSet<AfterSales.Modules.Notifications.OutboxMessage> OutboxMessages { get; }
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    /// <summary>Planned reminders are written in bulk, in a transaction with the changes to the ones already planned.</summary>
    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AfterSales.Modules.Service;

/// <summary>What the service feature sees of the database.</summary>
public interface IServiceDb : IDisposable
{
    DbSet<ServiceType> ServiceTypes { get; }
    DbSet<ServiceRequest> ServiceRequests { get; }
    DbSet<RequestEvent> RequestEvents { get; }
    DbSet<RequestAttachment> RequestAttachments { get; }
    DbSet<SavedFilter> SavedFilters { get; }
    DbSet<RequestNumberCounter> RequestNumberCounters { get; }
    DbSet<ServiceCounter> ServiceCounters { get; }
    DbSet<DictionaryEntry> DictionaryEntries { get; }
    DbSet<AfterSales.Modules.Forms.CustomFieldValue> CustomFieldValues { get; }

    /// <summary>A request moves with its workflow instance and timers in one unit of work.</summary>
    DbSet<AfterSales.Modules.Workflow.WorkflowInstanceRecord> WorkflowInstances { get; }
    DbSet<AfterSales.Modules.Workflow.WorkflowTimer> WorkflowTimers { get; }

    /// <summary>Whether a request is being inserted in this unit of work or was loaded.</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    /// <summary>For the transaction that numbers a request and inserts it together.</summary>
    DatabaseFacade Database { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

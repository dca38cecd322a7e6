using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AfterSales.Modules.Workflow;

/// <summary>What the workflow feature sees of the database.</summary>
public interface IWorkflowDb : IDisposable
{
    DbSet<WorkflowVersion> WorkflowVersions { get; }
    DbSet<WorkflowInstanceRecord> WorkflowInstances { get; }
    DbSet<WorkflowTimer> WorkflowTimers { get; }
    DatabaseFacade Database { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AfterSales.Modules.Shared;

/// <summary>
/// What an import needs of a module's view of the database to write many rows in one transaction without
/// tracking them all: the transaction, the change tracker, and the per-record audit switch.
/// </summary>
public interface IBulkWriteDb : IDisposable
{
    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    /// <summary>
    /// True (the default): the save hook writes an audit entry for each changed record. An import turns it off and
    /// writes one entry for the whole file instead.
    /// </summary>
    bool AuditEachChange { get; set; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

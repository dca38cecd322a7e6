using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Modules.Service;

/// <summary>
/// Publishes the <see cref="RequestEvent"/>s a context saves to the <see cref="IRequestChangeFeed"/>, after they are committed: at the
/// end of SaveChanges when it ran outside a transaction of the caller, else when that transaction commits; nothing when it rolls back.
/// Every feature adds timeline events its own way; this one place sees them all.
/// </summary>
public sealed class RequestChangeInterceptor(IRequestChangeFeed feed) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context, saving: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context, saving: true);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Drop(eventData.Context, saving: true);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context, saving: true);
        return Task.CompletedTask;
    }

    // A transaction of the caller begins: whatever is still waiting belonged to one that was abandoned without commit or rollback.
    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Started(eventData.Context);
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        Started(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context, saving: false);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Drop(eventData.Context, saving: false);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Drop(eventData.Context, saving: false);

    Task IDbTransactionInterceptor.TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken)
    {
        Drop(eventData.Context, saving: false);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        pending.InSave = true;
        pending.Saving = context.ChangeTracker.Entries<RequestEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        pending.InSave = false;
        var saved = pending.Saving;
        pending.Saving = [];
        if (context.Database.CurrentTransaction is null)
        {
            // Committed by SaveChanges itself. Anything older still waiting was in a transaction that ended without a commit.
            pending.Committing.Clear();
            Publish(saved);
        }
        else
        {
            pending.Committing.AddRange(saved);
        }
    }

    private void Started(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending) && !pending.InSave)
        {
            pending.Committing.Clear();
        }
    }

    // SaveChanges' own transaction commits before SavedChanges, which publishes; the caller's commits after it, and publishes here.
    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.InSave)
        {
            return;
        }

        var committed = pending.Committing.ToList();
        pending.Committing.Clear();
        Publish(committed);
    }

    private void Drop(DbContext? context, bool saving)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        if (saving)
        {
            pending.InSave = false;
            pending.Saving = [];
        }
        else if (!pending.InSave)
        {
            pending.Committing.Clear();
        }
    }

    private void Publish(IEnumerable<RequestEvent> events)
    {
        foreach (var request in events.GroupBy(e => (e.TenantId, e.ServiceRequestId)))
        {
            feed.Publish(new RequestChange(request.Key.TenantId, request.Key.ServiceRequestId,
                request.Select(e => e.Id).ToList(), request.Select(e => e.Kind).ToList()));
        }
    }

    private sealed class Pending
    {
        public bool InSave { get; set; }
        public List<RequestEvent> Saving { get; set; } = [];
        public List<RequestEvent> Committing { get; } = [];
    }
}

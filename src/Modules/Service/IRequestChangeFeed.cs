using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Service;

/// <summary>
/// Tells whoever watches a service request that its timeline grew (a comment, a transition, an attachment, a portal reply — any
/// <see cref="RequestEvent"/>), once the change is committed. The request's page listens, so staff who have it open see it appear.
/// Behind an interface because with several replicas a change saved on one must reach pages open on the others: a backplane
/// (Redis pub/sub, SQL Server notifications) then publishes to every replica and each one delivers to its own listeners.
/// </summary>
public interface IRequestChangeFeed
{
    /// <summary>Announces a committed change. Returns at once; listeners hear it in the background and never hold up the save.</summary>
    void Publish(RequestChange change);

    /// <summary>Listens to one request of one tenant until the returned handle is disposed.</summary>
    IDisposable Subscribe(string tenantId, Guid requestId, Func<RequestChange, Task> onChange);
}

/// <summary>Events of one request added by one committed save (or transaction).</summary>
public sealed record RequestChange(string TenantId, Guid RequestId, IReadOnlyList<long> EventIds, IReadOnlyList<RequestEventKind> Kinds);

/// <summary>The feed within one process: enough for a single replica; listeners are kept per request, so publishing costs nothing unwatched.</summary>
public sealed class InProcessRequestChangeFeed(ILogger<InProcessRequestChangeFeed> logger) : IRequestChangeFeed
{
    private readonly ConcurrentDictionary<(string TenantId, Guid RequestId), ImmutableListeners> _listeners = new();

    public void Publish(RequestChange change)
    {
        if (!_listeners.TryGetValue((change.TenantId, change.RequestId), out var listeners))
        {
            return;
        }

        foreach (var listener in listeners.Items)
        {
            // Each on its own: a page that is slow to render, or gone, delays and breaks no one else and not the saving code.
            _ = Task.Run(async () =>
            {
                try
                {
                    await listener(change);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "A listener of request {RequestId} failed on a change", change.RequestId);
                }
            });
        }
    }

    public IDisposable Subscribe(string tenantId, Guid requestId, Func<RequestChange, Task> onChange)
    {
        var key = (tenantId, requestId);
        _listeners.AddOrUpdate(key, _ => new ImmutableListeners([onChange]), (_, existing) => new ImmutableListeners([.. existing.Items, onChange]));
        return new Subscription(() =>
        {
            while (_listeners.TryGetValue(key, out var existing))
            {
                var rest = existing.Items.Where(l => l != onChange).ToArray();
                var done = rest.Length == 0
                    ? _listeners.TryRemove(new KeyValuePair<(string, Guid), ImmutableListeners>(key, existing))
                    : _listeners.TryUpdate(key, new ImmutableListeners(rest), existing);
                if (done)
                {
                    return;
                }
            }
        });
    }

    /// <summary>How many listeners a request has (for tests and diagnostics).</summary>
    public int ListenerCount(string tenantId, Guid requestId) =>
        _listeners.TryGetValue((tenantId, requestId), out var listeners) ? listeners.Items.Length : 0;

    // Replaced, never changed: Publish reads a snapshot without a lock while others subscribe.
    private sealed record ImmutableListeners(Func<RequestChange, Task>[] Items);

    private sealed class Subscription(Action end) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                end();
            }
        }
    }
}

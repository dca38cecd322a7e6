using System.Collections.Concurrent;

namespace AfterSales.Modules.Notifications;

/// <summary>
/// Tells the bells open on this replica that their user has something new, so a notification shows at once. Bells also look
/// again on a timer, which is how a notification delivered by another replica reaches them.
/// </summary>
public sealed class InboxSignal
{
    private readonly ConcurrentDictionary<(string Tenant, string User), Action?> listeners = new();

    /// <summary>Calls <paramref name="onNew"/> whenever the user gets a notification here, until the subscription is disposed.</summary>
    public IDisposable Subscribe(string tenantId, string userId, Action onNew)
    {
        var key = (tenantId, userId);
        listeners.AddOrUpdate(key, onNew, (_, existing) => existing + onNew);
        return new Subscription(() => listeners.AddOrUpdate(key, (Action?)null, (_, existing) => existing - onNew));
    }

    public void Notify(string tenantId, string userId)
    {
        if (listeners.TryGetValue((tenantId, userId), out var listener))
        {
            listener?.Invoke();
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}

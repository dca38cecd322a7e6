namespace AfterSales.Modules.Reminders;

/// <summary>
/// Lets the scan's tenants write to a SQLite database one at a time. SQLite takes one writer at a time anyway, and a writer that
/// finds the lock taken sleeps in its busy handler for 1, 2, 5, 10… ms, so it wakes well after the writer before it is done: with
/// two tenants at a time that waiting cost the scan most of what the second one gained (docs/benchmarks.md). Waiting here, the next
/// writer starts as soon as the lock is free. A server database takes writers side by side, so they are let through.
/// </summary>
public sealed class ReminderWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the turn to write through <paramref name="db"/>; disposing the result ends it.</summary>
    public async Task<IDisposable> EnterAsync(IRemindersDb db, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) != true)
        {
            return Turn.None;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Turn(_gate);
    }

    private sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Turn None = new(null);
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}

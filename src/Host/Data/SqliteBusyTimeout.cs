using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Host.Data;

/// <summary>
/// Lets SQLite's own busy handler wait for the write lock. Without a busy timeout Microsoft.Data.Sqlite meets a locked
/// database by sleeping 150 ms on the thread-pool thread and trying again, so two writers that meet cost the second one
/// 150 ms or more; SQLite's handler retries after 1, 2, 5, 10… ms and takes the lock as soon as it is free.
/// The write-ahead log is also folded back into the database every 10,000 pages (40 MB) instead of every 1,000: a checkpoint
/// copies and syncs every page written since the last one, and writers committing often (the reminder scan commits once per
/// tenant) paid one every few commits (docs/benchmarks.md). And commits are not flushed to disk one by one (synchronous NORMAL,
/// which SQLite advises with WAL): the database stays intact and an application crash loses nothing, while a power cut can undo
/// the last commits before a checkpoint. The production chart runs on SQL Server; SQLite serves one node and development.
/// </summary>
internal sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand? Command(DbConnection connection)
    {
        if (connection is not SqliteConnection)
        {
            return null;
        }

        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds}; PRAGMA wal_autocheckpoint = 10000; PRAGMA synchronous = NORMAL;";
        return command;
    }
}

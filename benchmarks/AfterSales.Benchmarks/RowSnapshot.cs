using Microsoft.Data.Sqlite;

namespace AfterSales.Benchmarks;

/// <summary>
/// Puts a private copy of a dataset back as it was, for benchmarks that change rows in place: the rows of some tables that a
/// condition selects are kept in side tables and written back, and the rows added to any other table since are deleted. Copying
/// the 1.5 GB file again for each iteration would take longer than most of what is measured.
/// </summary>
public sealed class RowSnapshot
{
    public const string Prefix = "snapshot_";

    private readonly string _connectionString;
    private readonly IReadOnlyList<(string Table, string Where)> _kept;
    private readonly IReadOnlyDictionary<string, long> _lastRowIds;

    private RowSnapshot(string connectionString, IReadOnlyList<(string Table, string Where)> kept, IReadOnlyDictionary<string, long> lastRowIds) =>
        (_connectionString, _kept, _lastRowIds) = (connectionString, kept, lastRowIds);

    /// <summary>
    /// Keeps the rows each condition selects. The conditions are evaluated again on <see cref="Restore"/>, before any row is put back,
    /// to remove what the benchmark left (rows it added that match them included), so they must select the same rows then.
    /// </summary>
    public static RowSnapshot Take(string databasePath, IReadOnlyList<(string Table, string Where)> kept)
    {
        // Foreign keys off: kept rows are deleted and inserted again, and the rows referring to them must stay as they are.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, ForeignKeys = false }.ToString();
        using var connection = Open(connectionString);
        foreach (var (table, where) in kept)
        {
            Execute(connection, $"DROP TABLE IF EXISTS \"{Prefix}{table}\"; CREATE TABLE \"{Prefix}{table}\" AS SELECT * FROM \"{table}\" WHERE {where};");
        }

        // Every table the model creates has a rowid, and SQLite numbers new rows above the highest: what was added is what lies above it.
        var others = Read(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '{Prefix}%'")
            .Except(kept.Select(k => k.Table)).ToList();
        var lastRowIds = others.ToDictionary(t => t, t => Scalar(connection, $"SELECT coalesce(max(rowid), 0) FROM \"{t}\""));
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new RowSnapshot(connectionString, kept, lastRowIds);
    }

    /// <summary>Rows added since are deleted and the kept rows put back, in one transaction; then the WAL is folded into the file.</summary>
    public void Restore()
    {
        using var connection = Open(_connectionString);
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var (table, last) in _lastRowIds)
            {
                Execute(connection, $"DELETE FROM \"{table}\" WHERE rowid > {last};");
            }

            foreach (var (table, where) in _kept)
            {
                Execute(connection, $"DELETE FROM \"{table}\" WHERE {where};");
            }

            foreach (var (table, _) in _kept)
            {
                Execute(connection, $"INSERT INTO \"{table}\" SELECT * FROM \"{Prefix}{table}\";");
            }

            transaction.Commit();
        }

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public long Count(string sql)
    {
        using var connection = Open(_connectionString);
        return Scalar(connection, sql);
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace AfterSales.Benchmarks;

/// <summary>
/// Turns the generated one-tenant history into the reports' dataset in raw SQL, in one transaction with the journal and
/// syncs off (a file that is thrown away if the run dies): first the events a worked request really leaves (status
/// changes, a comment, a lock, an occasional reopen, a dissatisfied return visit), which the generator does not write;
/// then copies of the first tenant's request history into further tenants, so that the tables and indexes hold a
/// million requests while the measured tenant holds a hundred thousand.
/// </summary>
/// <remarks>
/// The copies get new ids (the version digit of each GUID becomes the copy's own hex digit, consistently for the
/// request, its events, field values, work reports, parts and return visits) and their own tenant row; their
/// catalogue references (type, customer, unit, category) stay the first tenant's, which no report of the first tenant
/// can see, since every query is filtered by tenant. Pseudo-random choices hash the rowid, so the file is the same on
/// every run.
/// </remarks>
internal static class ReportHistory
{
    // What a worked request leaves beyond the generator's Created and Assigned events; all instants are UTC, stored as the
    // SQLite provider's DateTimeOffsetToBinaryConverter does: (ticks / 1000) << 11, the low 11 bits being the zero offset.
    private const string Events = """
        -- A person takes it on: the status change to Assigned, at the Assigned event's instant.
        INSERT INTO RequestEvents (TenantId, ServiceRequestId, At, Kind, ByUserId, By, FromStatus, ToStatus, IsPublic)
        SELECT e.TenantId, e.ServiceRequestId, e.At, 1, 'generated', 'Dispatcher', 'WaitingForAssignment', 'Assigned', 1
        FROM RequestEvents e WHERE e.TenantId = $tenant AND e.Kind = 2;

        -- Four in ten get a comment from staff within the first hours.
        INSERT INTO RequestEvents (TenantId, ServiceRequestId, At, Kind, ByUserId, By, Text, IsPublic)
        SELECT r.TenantId, r.Id, ((r.CreatedAt >> 11) + 36000000 * (1 + (r.rowid * 2654435761) % 7)) << 11, 3, 'generated', 'Agent', 'Called back', 0
        FROM ServiceRequests r WHERE r.TenantId = $tenant AND (r.rowid * 40503) % 10 < 4
          AND ((r.CreatedAt >> 11) + 36000000 * (1 + (r.rowid * 2654435761) % 7)) < coalesce(r.ClosedAt >> 11, 9e18);

        -- Closed requests went through Processed (half-way) and Closed.
        INSERT INTO RequestEvents (TenantId, ServiceRequestId, At, Kind, ByUserId, By, FromStatus, ToStatus, IsPublic)
        SELECT r.TenantId, r.Id, (((r.CreatedAt >> 11) + (r.ClosedAt >> 11)) / 2) << 11, 1, 'generated', 'Engineer', 'Assigned', 'Processed', 1
        FROM ServiceRequests r WHERE r.TenantId = $tenant AND r.Status IN ('Closed', 'Processed', 'ReturnVisit') AND r.AssigneeId IS NOT NULL AND r.ClosedAt IS NOT NULL;
        INSERT INTO RequestEvents (TenantId, ServiceRequestId, At, Kind, ByUserId, By, FromStatus, ToStatus, IsPublic)
        SELECT r.TenantId, r.Id, r.ClosedAt, 1, 'generated', 'Agent', 'ReturnVisit', 'Closed', 1
        FROM ServiceRequests r WHERE r.TenantId = $tenant AND r.Status = 'Closed' AND r.AssigneeId IS NOT NULL;

        -- Locked ones were locked by the system (no person) when they came in past their attempts.
        INSERT INTO RequestEvents (TenantId, ServiceRequestId, At, Kind, By, Text, IsPublic)
        SELECT r.TenantId, r.Id, r.UpdatedAt, 12, 'System', 'Too many attempts', 0
        FROM ServiceRequests r WHERE r.TenantId = $tenant AND r.IsLocked = 1;

        -- One closed request in a hundred was taken out of Closed again (and closed later), and the return visits scored 2 were dissatisfied.
        INSERT INTO RequestEvents (TenantId, ServiceRequestId, At, Kind, ByUserId, By, FromStatus, ToStatus, IsPublic)
        SELECT r.TenantId, r.Id, r.ClosedAt - (36000000 << 11), 1, 'generated', 'Manager', 'Closed', 'Assigned', 1
        FROM ServiceRequests r WHERE r.TenantId = $tenant AND r.Status = 'Closed' AND r.AssigneeId IS NOT NULL AND (r.rowid * 69069) % 100 = 0;
        UPDATE ReturnVisits SET Satisfied = 0 WHERE TenantId = $tenant AND Satisfaction <= 2;
        """;

    public static async Task CompleteAsync(string databasePath, string firstTenant, int copies)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1000000;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var tenantId = (string)(await ScalarAsync(connection, transaction, "SELECT Id FROM Tenants WHERE Identifier = $identifier", ("$identifier", firstTenant)))!;
        await ExecuteAsync(connection, transaction, Events, ("$tenant", tenantId));
        Console.WriteLine($"Dataset: events of {firstTenant} completed in {stopwatch.Elapsed:mm\\:ss}");

        var columns = new Dictionary<string, List<string>>();
        foreach (var table in new[] { "ServiceRequests", "RequestEvents", "CustomFieldValues", "WorkReports", "WorkReportParts", "ReturnVisits", "Tenants" })
        {
            columns[table] = await ColumnsAsync(connection, transaction, table);
        }

        if (copies > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(copies), copies, "At most 15 copies: each takes a hex digit of its own.");
        }

        for (var copy = 1; copy <= copies; copy++)
        {
            // The version digit of a random GUID (always 4) becomes the copy's own digit, which no generated id has.
            var digit = "012356789ABCDEF"[copy - 1];
            string NewId(string column) => $"substr({column}, 1, 14) || '{digit}' || substr({column}, 16)";
            var identifier = Dataset.TenantPrefix + (copy + 1).ToString("D4");
            var newTenant = $"substr($tenant, 1, 12) || '{digit}' || substr($tenant, 14)";
            await ExecuteAsync(connection, transaction, Copy("Tenants", columns["Tenants"], c => c switch
            {
                "Id" => newTenant,
                "Identifier" => "$identifier",
                "DisplayName" => "DisplayName || ' ' || $identifier",
                _ => c,
            }, "Id = $tenant"), ("$tenant", tenantId), ("$identifier", identifier));
            string Common(string column) => column switch
            {
                "TenantId" => newTenant,
                "Id" or "ServiceRequestId" or "WorkReportId" => NewId(column),
                _ => column,
            };
            await ExecuteAsync(connection, transaction, Copy("ServiceRequests", columns["ServiceRequests"], Common, "TenantId = $tenant"), ("$tenant", tenantId));
            await ExecuteAsync(connection, transaction, Copy("RequestEvents", columns["RequestEvents"].Where(c => c != "Id").ToList(), Common, "TenantId = $tenant"), ("$tenant", tenantId));
            await ExecuteAsync(connection, transaction, Copy("CustomFieldValues", columns["CustomFieldValues"].Where(c => c != "Id").ToList(),
                c => c == "OwnerId" ? NewId(c) : Common(c), "TenantId = $tenant"), ("$tenant", tenantId));
            await ExecuteAsync(connection, transaction, Copy("WorkReports", columns["WorkReports"], Common, "TenantId = $tenant"), ("$tenant", tenantId));
            await ExecuteAsync(connection, transaction, Copy("WorkReportParts", columns["WorkReportParts"], Common, "TenantId = $tenant"), ("$tenant", tenantId));
            await ExecuteAsync(connection, transaction, Copy("ReturnVisits", columns["ReturnVisits"], Common, "TenantId = $tenant"), ("$tenant", tenantId));
            Console.WriteLine($"Dataset: copy {copy}/{copies} ({identifier}) written at {stopwatch.Elapsed:mm\\:ss}");
        }

        // A shared database receives the tenants' requests interleaved in time, so one tenant's rows lie scattered over ten times as
        // many pages as its own; copies appended tenant after tenant would keep each tenant's rows together and flatter every
        // lookup. The tables are therefore rewritten in order of time.
        foreach (var (table, order) in new[] { ("ServiceRequests", "CreatedAt"), ("RequestEvents", "At"), ("WorkReports", "CreatedAt"), ("ReturnVisits", "CreatedAt") })
        {
            var list = string.Join(", ", columns[table].Where(c => !(table == "RequestEvents" && c == "Id")).Select(c => $"\"{c}\""));
            await ExecuteAsync(connection, transaction, $"""
                CREATE TEMP TABLE Reordered AS SELECT {list} FROM {table} ORDER BY {order}, TenantId;
                DELETE FROM {table};
                INSERT INTO {table} ({list}) SELECT {list} FROM Reordered ORDER BY rowid;
                DROP TABLE Reordered;
                """);
            Console.WriteLine($"Dataset: {table} interleaved at {stopwatch.Elapsed:mm\\:ss}");
        }

        await transaction.CommitAsync();
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;");
        Console.WriteLine($"Dataset: raw SQL part done in {stopwatch.Elapsed:mm\\:ss}");
    }

    private static string Copy(string table, IReadOnlyList<string> columns, Func<string, string> value, string where) =>
        $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", columns.Select(c => value(c) == c ? $"\"{c}\"" : value(c)))} FROM {table} WHERE {where};";

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Count > 0 ? columns : throw new InvalidOperationException($"No table {table}.");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}

using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Tenancy.EntityFrameworkCore;

/// <summary>
/// Inserts many new rows of a tenant-owned entity in multi-row INSERT statements built from the model's own mapping (table,
/// columns, value converters), untracked. EF Core's SQLite provider sends one statement, prepared anew, per added entity; a job
/// writing tens of thousands of rows for a thousand tenants spent most of its time there (docs/benchmarks.md).
/// Like the save hook, it stamps the current tenant and refuses rows of another. It runs in the context's current transaction;
/// SaveChanges interceptors do not see these rows, so it is for rows nothing else needs to intercept (not audited, not
/// published) and callers check anything such a hook would have refused themselves. Store-generated integer keys are left to
/// the store and not read back; any other key is written as the entity holds it.
/// </summary>
public static class TenantBulkInsert
{
    // SQL Server takes at most 2,100 parameters and 1,000 rows per statement; SQLite 32,766 parameters.
    private const int MaxParameters = 2000;
    private const int MaxRows = 500;

    /// <summary>Inserts <paramref name="rows"/>; returns how many were written.</summary>
    /// <exception cref="TenantIsolationException">There is no current tenant, or a row belongs to another.</exception>
    public static Task<int> BulkInsertAsync<TEntity>(this DatabaseFacade database, IReadOnlyCollection<TEntity> rows,
        CancellationToken cancellationToken = default) where TEntity : class, ITenantOwned =>
        BulkInsertAsync(database, rows, rowByRow: null, cancellationToken);

    // rowByRow: the way of writing, so tests can run both on one provider; null chooses by provider.
    internal static async Task<int> BulkInsertAsync<TEntity>(this DatabaseFacade database, IReadOnlyCollection<TEntity> rows, bool? rowByRow,
        CancellationToken cancellationToken) where TEntity : class, ITenantOwned
    {
        var context = ((IDatabaseFacadeDependenciesAccessor)database).Context;
        var entityType = context.Model.FindEntityType(typeof(TEntity))
                         ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        if (rows.Count == 0)
        {
            return 0;
        }

        Stamp(context, entityType, rows);
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var columns = Columns(entityType);
        var sql = context.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table, schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(store)!)))}) VALUES ";
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            // SQLite runs in process, so round trips cost nothing and parsing is what counts: one single-row statement, prepared
            // once and run per row, beats re-parsing a statement of 2,000 parameters per chunk. A server wants few round trips.
            return rowByRow ?? database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true
                ? await InsertRowByRowAsync(database, head, columns, rows, sql, cancellationToken)
                : await InsertInChunksAsync(database, head, columns, rows, sql, cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static async Task<int> InsertInChunksAsync<TEntity>(DatabaseFacade database, string head, List<IProperty> columns, IReadOnlyCollection<TEntity> rows,
        ISqlGenerationHelper sql, CancellationToken cancellationToken)
    {
        var written = 0;
        var rowsPerStatement = Math.Clamp(MaxParameters / columns.Count, 1, MaxRows);
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            await using var command = Command(database);
            var text = new StringBuilder(head);
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "" : ", ");
                AddRow(command, text, columns, chunk[row]!, row * columns.Count, sql);
            }

            command.CommandText = text.ToString();
            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    private static async Task<int> InsertRowByRowAsync<TEntity>(DatabaseFacade database, string head, List<IProperty> columns, IReadOnlyCollection<TEntity> rows,
        ISqlGenerationHelper sql, CancellationToken cancellationToken)
    {
        var written = 0;
        await using var command = Command(database);
        foreach (var row in rows)
        {
            // The text is set once, so the provider keeps the statement it prepared; only the values are bound again.
            command.Parameters.Clear();
            var text = written == 0 ? new StringBuilder(head) : null;
            AddRow(command, text, columns, row!, 0, sql);
            if (text is not null)
            {
                command.CommandText = text.ToString();
            }

            written += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return written;
    }

    private static DbCommand Command(DatabaseFacade database)
    {
        var command = database.GetDbConnection().CreateCommand();
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        if (database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    // "(@p0, @p1, …)" with one parameter per column; the type mapping converts as EF Core's own commands do (enums, Guids, instants, dates).
    private static void AddRow(DbCommand command, StringBuilder? text, List<IProperty> columns, object entity, int first, ISqlGenerationHelper sql)
    {
        text?.Append('(');
        for (var column = 0; column < columns.Count; column++)
        {
            var name = "p" + (first + column);
            var property = columns[column];
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName(name),
                property.GetGetter().GetClrValue(entity), property.IsNullable));
            text?.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
        }

        text?.Append(')');
    }

    private static void Stamp<TEntity>(DbContext context, IEntityType entityType, IReadOnlyCollection<TEntity> rows) where TEntity : ITenantOwned
    {
        if ((context as IMultiTenantDbContext)?.CurrentTenantId is not { } current)
        {
            throw new TenantIsolationException($"Cannot add {entityType.DisplayName()} without a current tenant.");
        }

        // All checked before anything is written.
        if (rows.Any(r => !string.IsNullOrEmpty(r.TenantId) && r.TenantId != current))
        {
            throw new TenantIsolationException($"Cannot add {entityType.DisplayName()} of another tenant.");
        }

        foreach (var row in rows)
        {
            row.TenantId = current;
        }
    }

    // Every mapped column but a key the store numbers; shadow properties have no value on the entity to write.
    private static List<IProperty> Columns(IEntityType entityType)
    {
        var columns = new List<IProperty>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} is a shadow property; bulk insert writes entity values only.");
            }

            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (type == typeof(int) || type == typeof(long)))
            {
                continue;
            }

            columns.Add(property);
        }

        return columns;
    }
}

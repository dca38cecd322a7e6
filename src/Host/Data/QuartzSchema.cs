using Microsoft.EntityFrameworkCore.Migrations;

namespace AfterSales.Host.Data;

/// <summary>
/// Quartz's job store tables, created by our migrations rather than by Quartz at start (its schema provisioning is left at
/// Validate), so one deployment step, with one set of database rights, brings the whole database up. The DDL is the provider's
/// script Quartz itself ships (an embedded resource of the Quartz assembly, statements separated by <c>--;;</c>, creating only
/// what is missing); a Quartz upgrade that changes the schema needs a migration of its own running Quartz's upgrade script.
/// </summary>
public static class QuartzSchema
{
    public const string Sqlite = "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql";
    public const string SqlServer = "Quartz.Impl.AdoJobStore.Schema.create_sqlServer.sql";

    // Children before the tables their foreign keys point to.
    private static readonly string[] Tables =
    [
        "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "FIRED_TRIGGERS", "CALENDARS",
        "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS",
    ];

    /// <summary>The script's statements with our table prefix in place of its placeholders.</summary>
    public static IReadOnlyList<string> Statements(string resource)
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"The Quartz assembly has no resource {resource}.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", SchedulerSetup.TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", SchedulerSetup.TablePrefix, StringComparison.Ordinal);
        return script.ReplaceLineEndings("\n").Split("\n--;;\n")
            .Select(s => string.Join('\n', s.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0).ToList();
    }

    public static void Create(MigrationBuilder migrationBuilder, string resource)
    {
        foreach (var statement in Statements(resource))
        {
            migrationBuilder.Sql(statement);
        }
    }

    /// <summary>Drops the tables (with their indexes and SQLite's delete triggers).</summary>
    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropTable(SchedulerSetup.TablePrefix + table);
        }
    }
}

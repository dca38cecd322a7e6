using Microsoft.Data.Sqlite;

namespace AfterSales.Benchmarks;

/// <summary>What the benchmarks ask for, read once from a dataset: spread over all its tenants, in a fixed random order.</summary>
public static class Samples
{
    public sealed record Unit(string Tenant, string Number);

    public sealed record TenantModel(string Tenant, string ModelCode);

    public sealed record OnSiteUnit(string Tenant, Guid ServiceTypeId, string Number);

    public sealed record TenantStatus(string Tenant, string Status);

    /// <summary>About <paramref name="count"/> units, every n-th row, so that all tenants are asked for.</summary>
    public static List<Unit> Units(string databasePath, int count) =>
        Shuffle(Read(databasePath, """
            SELECT t.Identifier, s.Number FROM SerialNumbers s JOIN Tenants t ON t.Id = s.TenantId
            WHERE s.rowid % max(1, (SELECT count(*) FROM SerialNumbers) / $count) = 0
            """, r => new Unit(r.GetString(0), r.GetString(1)), ("$count", count)));

    /// <summary>Every tenant's model codes, as a user types one into the search box.</summary>
    public static List<TenantModel> ModelCodes(string databasePath) =>
        Shuffle(Read(databasePath, "SELECT t.Identifier, m.Code FROM ProductModels m JOIN Tenants t ON t.Id = m.TenantId",
            r => new TenantModel(r.GetString(0), r.GetString(1))));

    /// <summary>Every tenant with every one of <paramref name="statuses"/>, as people open the list of each status of each tenant.</summary>
    public static List<TenantStatus> TenantStatuses(string databasePath, IReadOnlyList<string> statuses) =>
        Shuffle(Read(databasePath, "SELECT Identifier FROM Tenants", r => r.GetString(0)).SelectMany(t => statuses.Select(s => new TenantStatus(t, s))).ToList());

    /// <summary>The units of <paramref name="tenants"/> with their tenant's on-site type, for requests an integration posts about them.</summary>
    public static List<OnSiteUnit> OnSiteUnits(string databasePath, IReadOnlyList<string> tenants) =>
        Shuffle(Read(databasePath, $"""
            SELECT t.Identifier, st.Id, s.Number FROM SerialNumbers s JOIN Tenants t ON t.Id = s.TenantId
            JOIN ServiceTypes st ON st.TenantId = s.TenantId AND st.Code = 'ONSITE'
            WHERE t.Identifier IN ({string.Join(", ", tenants.Select((_, i) => "$t" + i))})
            """, r => new OnSiteUnit(r.GetString(0), Guid.Parse(r.GetString(1)), r.GetString(2)),
            tenants.Select((t, i) => ("$t" + i, (object)t)).ToArray()));

    /// <summary>Identifier → id of every tenant.</summary>
    public static Dictionary<string, string> TenantIds(string databasePath) =>
        Read(databasePath, "SELECT Identifier, Id FROM Tenants", r => (r.GetString(0), r.GetString(1))).ToDictionary(t => t.Item1, t => t.Item2);

    /// <summary>The codes of a tenant's models and customers, for an import file that refers to them.</summary>
    public static (List<string> Models, List<string> Customers) Codes(string databasePath, string tenant) =>
        (Read(databasePath, "SELECT m.Code FROM ProductModels m JOIN Tenants t ON t.Id = m.TenantId WHERE t.Identifier = $tenant ORDER BY 1",
             r => r.GetString(0), ("$tenant", tenant)),
         Read(databasePath, "SELECT c.Code FROM Customers c JOIN Tenants t ON t.Id = c.TenantId WHERE t.Identifier = $tenant ORDER BY 1",
             r => r.GetString(0), ("$tenant", tenant)));

    private static List<T> Read<T>(string databasePath, string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows.Count > 0 ? rows : throw new InvalidOperationException($"No samples in {databasePath}.");
    }

    private static List<T> Shuffle<T>(List<T> items)
    {
        new Random(42).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items));
        return items;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Forms;

/// <summary>Writes and reads a record's custom-field values as <see cref="CustomFieldValue"/> rows, inside the caller's unit of work.</summary>
public static class CustomFieldRows
{
    /// <summary>The rows for checked values (see <see cref="FormRules.Check"/>) of the fields of <paramref name="schema"/>.</summary>
    public static IEnumerable<CustomFieldValue> For(Guid ownerId, FormSchema schema, IReadOnlyDictionary<string, string> values)
    {
        foreach (var field in schema.Fields)
        {
            if (!values.TryGetValue(field.Key, out var value) || value.Length == 0)
            {
                continue;
            }

            var parts = FieldValues.IsMultiValued(field.Kind) ? FieldValues.Split(value).ToList() : [value];
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                yield return new CustomFieldValue
                {
                    OwnerId = ownerId,
                    FieldKey = field.Key,
                    Position = i,
                    Term = part.Length > CustomFieldValue.TermLength ? part[..CustomFieldValue.TermLength] : part,
                    Text = part.Length > CustomFieldValue.TermLength ? part : null,
                    Number = field.IsNumeric && double.TryParse(part, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null,
                };
            }
        }
    }

    /// <summary>
    /// Replaces the values of the schema's fields on a record. Values of fields no longer on the form stay, so what was recorded
    /// under an earlier version remains readable.
    /// </summary>
    public static async Task ReplaceAsync(
        DbSet<CustomFieldValue> set, Guid ownerId, FormSchema schema, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        var keys = schema.Fields.Select(f => f.Key).ToList();
        set.RemoveRange(await set.Where(v => v.OwnerId == ownerId && keys.Contains(v.FieldKey)).ToListAsync(cancellationToken));
        set.AddRange(For(ownerId, schema, values));
    }

    /// <summary>A record's values by field key, in canonical form.</summary>
    public static async Task<Dictionary<string, string>> ReadAsync(IQueryable<CustomFieldValue> set, Guid ownerId, CancellationToken cancellationToken = default) =>
        (await ReadManyAsync(set, [ownerId], cancellationToken)).GetValueOrDefault(ownerId) ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The values of several records at once (a page of a list, an export batch).</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, string>>> ReadManyAsync(
        IQueryable<CustomFieldValue> set, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken = default)
    {
        if (ownerIds.Count == 0)
        {
            return [];
        }

        // An export reads up to 100,000 records: in chunks, so no statement carries more ids than a database takes as parameters.
        var rows = new List<(Guid OwnerId, string FieldKey, int Position, string Value)>();
        foreach (var chunk in ownerIds.Chunk(500))
        {
            rows.AddRange((await set.AsNoTracking().Where(v => chunk.Contains(v.OwnerId))
                .Select(v => new { v.OwnerId, v.FieldKey, v.Position, Value = v.Text ?? v.Term }).ToListAsync(cancellationToken))
                .Select(v => (v.OwnerId, v.FieldKey, v.Position, v.Value)));
        }

        return rows.GroupBy(r => r.OwnerId).ToDictionary(
            g => g.Key,
            g => g.GroupBy(r => r.FieldKey).ToDictionary(f => f.Key, f => string.Join(',', f.OrderBy(r => r.Position).Select(r => r.Value)), StringComparer.Ordinal));
    }
}

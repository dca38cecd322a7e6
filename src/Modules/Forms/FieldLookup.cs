using System.Globalization;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;

namespace AfterSales.Modules.Forms;

/// <summary>
/// The records that user, customer and serial-number fields point at: whether a value names one of the tenant's records (another
/// tenant's is not found), and the name to show for it.
/// </summary>
public sealed class FieldLookup(IAssigneeDirectory staff, CustomerDirectory customers, SerialRegistry serials)
{
    public Task<IReadOnlyList<Assignee>> StaffAsync(CancellationToken cancellationToken = default) => staff.StaffAsync(cancellationToken);

    /// <summary>Errors for the reference values of a checked form that name nothing of this tenant's.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckReferencesAsync(FormSchema schema, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        foreach (var field in schema.Fields)
        {
            if (!values.TryGetValue(field.Key, out var value) || await NameAsync(field.Kind, value, cancellationToken) is not null
                || field.Kind is not (FieldKind.User or FieldKind.Customer or FieldKind.SerialNumber))
            {
                continue;
            }

            errors.Add(new FieldError(field.Key, "Field.NotFound"));
        }

        return errors;
    }

    /// <summary>Names for the reference values of one record, keyed by kind and value, for <see cref="FieldValues.Display"/>.</summary>
    public async Task<Func<FieldKind, string, string?>> NamesAsync(FormSchema schema, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<(FieldKind, string), string?>();
        foreach (var field in schema.Fields.Where(f => f.Kind is FieldKind.User or FieldKind.Customer or FieldKind.SerialNumber))
        {
            if (values.TryGetValue(field.Key, out var value))
            {
                names[(field.Kind, value)] = await NameAsync(field.Kind, value, cancellationToken);
            }
        }

        return (kind, value) => names.GetValueOrDefault((kind, value));
    }

    /// <summary>How a reference reads on screen ("C1001 华东制冷", "KT35-2024-0001 KT-35"), or null when it names nothing.</summary>
    public async Task<string?> NameAsync(FieldKind kind, string value, CancellationToken cancellationToken = default) => kind switch
    {
        FieldKind.User => (await staff.FindAsync(value, cancellationToken))?.Name,
        FieldKind.Customer => await customers.FindByCodeAsync(value, cancellationToken) is { } c ? $"{c.Code} {c.Name}" : null,
        FieldKind.SerialNumber => await serials.FindAsync(value, cancellationToken) is { } s ? $"{s.Number} {s.ModelCode}" : null,
        _ => null,
    };

    /// <summary>A record's values with the names its references show as.</summary>
    public async Task<FilledForm> FillAsync(FormSchema schema, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default) =>
        new(schema, values, await NamesAsync(schema, values, cancellationToken));

    /// <summary>"Label: old → new" for each field that changed, one per line; null when nothing did.</summary>
    public async Task<string?> DescribeChangesAsync(
        FormSchema schema, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, CultureInfo culture,
        CancellationToken cancellationToken = default)
    {
        var names = await NamesAsync(schema, before.Concat(after).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), cancellationToken);
        var oldNames = await NamesAsync(schema, before, cancellationToken);
        var lines = new List<string>();
        foreach (var field in schema.Fields)
        {
            var old = before.GetValueOrDefault(field.Key);
            var now = after.GetValueOrDefault(field.Key);
            if (old == now)
            {
                continue;
            }

            var from = FieldValues.Display(field, old, culture, oldNames);
            var to = FieldValues.Display(field, now, culture, names);
            lines.Add($"{field.LabelIn(culture)}: {(from.Length == 0 ? "—" : from)} → {(to.Length == 0 ? "—" : to)}");
        }

        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}

/// <summary>A record's custom fields as the page shows them: the form, the values, and names for the references.</summary>
public sealed record FilledForm(FormSchema Schema, IReadOnlyDictionary<string, string> Values, Func<FieldKind, string, string?> Names)
{
    public string Display(FieldDefinition field, CultureInfo culture) => FieldValues.Display(field, Values.GetValueOrDefault(field.Key), culture, Names);
}

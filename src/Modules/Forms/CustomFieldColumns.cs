using System.Globalization;

namespace AfterSales.Modules.Forms;

/// <summary>Custom fields as export columns: one per field, headed by its label, valued as people read it.</summary>
public static class CustomFieldColumns
{
    public static IEnumerable<(string Header, Func<T, object?> Value)> Of<T>(
        IReadOnlyDictionary<string, FieldDefinition> fields, IReadOnlyDictionary<Guid, Dictionary<string, string>> values, Func<T, Guid> id)
    {
        var culture = CultureInfo.CurrentUICulture;
        foreach (var field in fields.Values.Where(f => f.Kind != FieldKind.Attachment))
        {
            yield return (field.LabelIn(culture), row => values.TryGetValue(id(row), out var own) && own.TryGetValue(field.Key, out var value)
                ? Cell(field, value, culture)
                : null);
        }
    }

    // Numbers stay numbers in the sheet, so Excel can sum them; everything else reads as on screen.
    private static object Cell(FieldDefinition field, string value, CultureInfo culture) =>
        field.IsNumeric && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number
            : FieldValues.Display(field, value, culture);
}

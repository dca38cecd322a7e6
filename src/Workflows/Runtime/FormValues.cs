using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace AfterSales.Workflows.Runtime;

/// <summary>How the engine reads loosely typed field values (form input, request fields).</summary>
internal static class FormValues
{
    public static IReadOnlyDictionary<string, object?> Empty { get; } = new Dictionary<string, object?>();

    /// <summary>Null, blank text and empty lists count as not filled in.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        JsonElement json => json.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => true,
            JsonValueKind.String => string.IsNullOrWhiteSpace(json.GetString()),
            JsonValueKind.Array => json.GetArrayLength() == 0,
            _ => false,
        },
        IEnumerable list => !list.Cast<object?>().Any(),
        _ => false,
    };

    /// <summary>The invariant text form variables and field actions carry.</summary>
    public static string? ToInvariantText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement json => json.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>An instant from a date field; a date alone stands for the end of that day in <paramref name="calendar"/>'s zone.</summary>
    public static DateTimeOffset? ToInstant(object? value, Sla.BusinessCalendar calendar) => value switch
    {
        DateTimeOffset d => d,
        DateTime d => d.Kind == DateTimeKind.Local ? new DateTimeOffset(d) : new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateOnly d => calendar.ToInstant(d.AddDays(1), TimeSpan.Zero),
        JsonElement { ValueKind: JsonValueKind.String } json => ToInstant(json.GetString(), calendar),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            ToInstant(date, calendar),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => instant,
        _ => null,
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AfterSales.Modules.Forms;

/// <summary>A field whose value breaks one of its rules: a FormsText key, the field, and the rule's figures.</summary>
public sealed record FieldError(string Key, string Code, params object[] Args);

/// <summary>
/// Values of custom fields in one canonical text form per kind, so the page, the API, storage and filters agree:
/// numbers invariant (money with two decimals), dates <c>yyyy-MM-dd</c>, date-times <c>yyyy-MM-ddTHH:mm</c> in the tenant's
/// time, yes/no <c>true</c>/<c>false</c>, a select's option value, a multi-select's option values joined by commas in the
/// form's order, a user's id, a customer's code, a serial number upper case, attachments' ids joined by commas.
/// </summary>
public static class FieldValues
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateTimeFormat = "yyyy-MM-ddTHH:mm";

    // Tenants write the patterns; a catastrophic one must not hang a request thread.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Parses <paramref name="raw"/> for <paramref name="field"/> and checks its rules; empty input gives a null value.</summary>
    public static FieldError? Normalize(FieldDefinition field, string? raw, out string? value)
    {
        value = null;
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return field.Required ? Error(field, "Field.Required") : null;
        }

        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.MultiLineText:
            {
                var length = text.Length;
                if (length > Math.Min(field.MaxLength ?? FieldDefinition.TextLimit, FieldDefinition.TextLimit))
                {
                    return Error(field, "Field.TooLong", Math.Min(field.MaxLength ?? FieldDefinition.TextLimit, FieldDefinition.TextLimit));
                }

                if (field.MinLength is { } min && length < min)
                {
                    return Error(field, "Field.TooShort", min);
                }

                if (!string.IsNullOrEmpty(field.Pattern) && !Matches(field.Pattern, text))
                {
                    return Error(field, "Field.Pattern");
                }

                value = field.Kind == FieldKind.Text ? text : raw!.Trim('\r', '\n', ' ');
                return null;
            }
            case FieldKind.Number or FieldKind.Money or FieldKind.Rating:
            {
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return Error(field, "Field.Number");
                }

                if (field.Kind == FieldKind.Rating)
                {
                    if (number != decimal.Truncate(number) || number < 1 || number > field.RatingMax)
                    {
                        return Error(field, "Field.Rating", field.RatingMax);
                    }
                }
                else if (field.Min is { } min && number < min)
                {
                    return Error(field, "Field.Min", min.ToString(CultureInfo.InvariantCulture));
                }
                else if (field.Max is { } max && number > max)
                {
                    return Error(field, "Field.Max", max.ToString(CultureInfo.InvariantCulture));
                }

                if (field.Kind == FieldKind.Money && decimal.Round(number, 2) != number)
                {
                    return Error(field, "Field.Money");
                }

                value = field.Kind == FieldKind.Money ? number.ToString("0.00", CultureInfo.InvariantCulture) : number.ToString("0.############", CultureInfo.InvariantCulture);
                return null;
            }
            case FieldKind.Date:
                if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return Error(field, "Field.Date");
                }

                value = date.ToString(DateFormat, CultureInfo.InvariantCulture);
                return null;
            case FieldKind.DateTime:
                if (!System.DateTime.TryParseExact(text, [DateTimeFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    return Error(field, "Field.DateTime");
                }

                value = at.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
                return null;
            case FieldKind.SingleSelect:
                if (field.Options.All(o => o.Value != text))
                {
                    return Error(field, "Field.Option");
                }

                value = text;
                return null;
            case FieldKind.MultiSelect:
            {
                var chosen = Split(text).ToHashSet(StringComparer.Ordinal);
                if (chosen.Count == 0)
                {
                    return field.Required ? Error(field, "Field.Required") : null;
                }

                if (chosen.Any(c => field.Options.All(o => o.Value != c)))
                {
                    return Error(field, "Field.Option");
                }

                value = string.Join(',', field.Options.Where(o => chosen.Contains(o.Value)).Select(o => o.Value));
                return null;
            }
            case FieldKind.YesNo:
                if (!bool.TryParse(text, out var yes))
                {
                    return Error(field, "Field.YesNo");
                }

                if (field.Required && !yes)
                {
                    // A required yes/no is a confirmation ("customer agrees to the fee"): only yes satisfies it.
                    return Error(field, "Field.Required");
                }

                value = yes ? "true" : "false";
                return null;
            case FieldKind.SerialNumber or FieldKind.Customer:
                if (text.Length > 64)
                {
                    return Error(field, "Field.TooLong", 64);
                }

                value = text.ToUpperInvariant();
                return null;
            case FieldKind.User:
                if (text.Length > 450)
                {
                    return Error(field, "Field.NotFound");
                }

                value = text;
                return null;
            case FieldKind.Attachment:
            {
                var ids = Split(text).ToList();
                if (ids.Any(id => !Guid.TryParse(id, out _)))
                {
                    return Error(field, "Field.NotFound");
                }

                value = string.Join(',', ids.Select(id => Guid.Parse(id).ToString()).Distinct());
                return null;
            }
            default:
                return Error(field, "Field.Unknown");
        }
    }

    /// <summary>The parts of a multi-valued canonical value.</summary>
    public static IEnumerable<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether the kind keeps several values in one (one stored row each).</summary>
    public static bool IsMultiValued(FieldKind kind) => kind is FieldKind.MultiSelect or FieldKind.Attachment;

    /// <summary>The value as JSON for the API: numbers as numbers, yes/no as booleans, multi-valued kinds as arrays.</summary>
    public static object? ToJson(FieldDefinition field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return field.Kind switch
        {
            FieldKind.Number or FieldKind.Money or FieldKind.Rating when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => n,
            FieldKind.YesNo => value == "true",
            _ when IsMultiValued(field.Kind) => Split(value).ToArray(),
            _ => value,
        };
    }

    /// <summary>Turns a JSON value from an API payload into the raw text <see cref="Normalize"/> reads.</summary>
    public static string? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(',', element.EnumerateArray().Select(FromJson).Where(v => !string.IsNullOrWhiteSpace(v))),
        // An object is no field's value; passing its text on makes the field's own check refuse it with a clear message.
        _ => element.GetRawText(),
    };

    /// <summary>The value as people read it: option labels, yes/no, dates as stored; <paramref name="names"/> resolves users, customers and files.</summary>
    public static string Display(FieldDefinition field, string? value, CultureInfo culture, Func<FieldKind, string, string?>? names = null)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return field.Kind switch
        {
            FieldKind.SingleSelect or FieldKind.MultiSelect =>
                string.Join(chinese ? "、" : ", ", Split(value).Select(v => field.Options.FirstOrDefault(o => o.Value == v)?.LabelIn(culture) ?? v)),
            FieldKind.YesNo => value == "true" ? (chinese ? "是" : "Yes") : (chinese ? "否" : "No"),
            FieldKind.Rating => new string('★', int.TryParse(value, out var stars) ? stars : 0),
            FieldKind.DateTime => value.Replace('T', ' '),
            FieldKind.Money when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var money) => money.ToString("N2", culture),
            FieldKind.User or FieldKind.Customer when names is not null => names(field.Kind, value) ?? value,
            FieldKind.Attachment when names is not null => string.Join(chinese ? "、" : ", ", Split(value).Select(v => names(field.Kind, v) ?? v)),
            _ => value,
        };
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.None, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            // The designer refuses invalid patterns; one stored before that rule cannot be met.
            return false;
        }
    }

    internal static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, PatternTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static FieldError Error(FieldDefinition field, string code, params object[] args) => new(field.Key, code, args);
}

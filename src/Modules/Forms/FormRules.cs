using System.Text.RegularExpressions;

namespace AfterSales.Modules.Forms;

/// <summary>The values a form accepted, and what was wrong with the rest.</summary>
public sealed record FormCheck(IReadOnlyDictionary<string, string> Values, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The rules of a filled-in form, the same for the Blazor form, the API and the portal: which fields show, and whether their values
/// hold. A hidden field is neither required nor kept.
/// </summary>
public static partial class FormRules
{
    /// <summary>
    /// The fields shown for these values. A rule looks at a field before it, so one pass in form order settles every field;
    /// a field whose controlling field is hidden compares against no value.
    /// </summary>
    public static IReadOnlySet<string> VisibleFields(FormSchema schema, IReadOnlyDictionary<string, string?> values, FormAudience audience)
    {
        var visible = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            if (audience == FormAudience.Portal && !field.Public)
            {
                continue;
            }

            var rule = field.VisibleWhen;
            if (rule is null || string.IsNullOrEmpty(rule.FieldKey))
            {
                visible.Add(field.Key);
                continue;
            }

            var other = visible.Contains(rule.FieldKey) ? values.GetValueOrDefault(rule.FieldKey) : null;
            if (Holds(rule, other))
            {
                visible.Add(field.Key);
            }
        }

        return visible;
    }

    public static bool Holds(VisibilityRule rule, string? value)
    {
        var parts = FieldValues.Split(value).ToHashSet(StringComparer.Ordinal);
        return rule.Operator switch
        {
            VisibilityOperator.IsSet => parts.Count > 0,
            VisibilityOperator.IsNotSet => parts.Count == 0,
            VisibilityOperator.Equals or VisibilityOperator.AnyOf => rule.Values.Any(parts.Contains),
            VisibilityOperator.NotEquals => !rule.Values.Any(parts.Contains),
            _ => true,
        };
    }

    /// <summary>
    /// Checks <paramref name="input"/> against the form: unknown keys are refused, hidden fields dropped, visible ones normalised and checked.
    /// With <paramref name="applyDefaults"/> a field left out takes its default (a new record); without, left out means empty.
    /// </summary>
    public static FormCheck Check(FormSchema schema, IReadOnlyDictionary<string, string?>? input, FormAudience audience, bool applyDefaults = true)
    {
        input ??= new Dictionary<string, string?>();
        var errors = new List<FieldError>();
        foreach (var key in input.Keys.Where(k => schema.Field(k) is not { } f || (audience == FormAudience.Portal && !f.Public)))
        {
            errors.Add(new FieldError(key, "Field.Unknown"));
        }

        var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            raw[field.Key] = input.TryGetValue(field.Key, out var given) ? given : applyDefaults ? field.Default : null;
        }

        // Visibility is worked out on the normalised values, so "Yes" and "true" or " a " and "a" decide alike.
        var normalised = new Dictionary<string, string?>(StringComparer.Ordinal);
        var fieldErrors = new Dictionary<string, FieldError>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            var error = FieldValues.Normalize(field, raw[field.Key], out var value);
            normalised[field.Key] = value;
            if (error is not null)
            {
                fieldErrors[field.Key] = error;
            }
        }

        var visible = VisibleFields(schema, normalised, audience);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in schema.Fields.Where(f => visible.Contains(f.Key)))
        {
            if (fieldErrors.TryGetValue(field.Key, out var error))
            {
                errors.Add(error);
            }
            else if (normalised[field.Key] is { } value)
            {
                values[field.Key] = value;
            }
        }

        return new FormCheck(values, errors);
    }

    /// <summary>Field keys: lower-case letters, digits and underscores, starting with a letter; stable identifiers for storage and the API.</summary>
    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>A key proposed from a label: the English label in snake case, else <c>field_n</c>.</summary>
    public static string ProposeKey(string? labelEn, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var stem = NonWord().Replace((labelEn ?? "").Trim().ToLowerInvariant(), "_").Trim('_');
        if (stem.Length == 0 || !char.IsAsciiLetterLower(stem[0]))
        {
            stem = "field";
        }

        stem = stem.Length > 28 ? stem[..28].TrimEnd('_') : stem;
        if (stem != "field" && !used.Contains(stem))
        {
            return stem;
        }

        for (var n = 1; ; n++)
        {
            var candidate = $"{stem}_{n}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}

using System.Globalization;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Forms;

/// <summary>Field and design errors as sentences in the user's language, naming the field by its label.</summary>
public static class FormMessages
{
    public static string Of(IStringLocalizer<FormsText> text, FieldError error, FormSchema? schema, CultureInfo culture)
    {
        var label = schema?.Field(error.Key)?.LabelIn(culture) ?? error.Key;
        return string.Format(culture, text[error.Code].Value, [label, .. error.Args]);
    }

    public static string Of(IStringLocalizer<FormsText> text, DesignError error, FormSchema schema, CultureInfo culture)
    {
        var message = string.Format(culture, text[error.Code].Value, error.Args);
        return error.FieldKey is { } key && schema.Field(key) is { } field ? $"{field.LabelIn(culture)}: {message}" : message;
    }

    /// <summary>
    /// Adds custom-field errors to an API's validation problem under <c>customFields.{key}</c>, as the payload names the value.
    /// </summary>
    public static Dictionary<string, string[]> AddTo(
        Dictionary<string, string[]> errors, IReadOnlyList<FieldError>? fieldErrors, FormSchema? schema, IStringLocalizer<FormsText> text)
    {
        var culture = CultureInfo.CurrentUICulture;
        foreach (var group in (fieldErrors ?? []).GroupBy(e => e.Key))
        {
            errors[$"customFields.{group.Key}"] = group.Select(e => Of(text, e, schema, culture)).ToArray();
        }

        return errors;
    }

    /// <summary>The format a default value is typed in, shown as a hint in the designer.</summary>
    public static string FormatHint(FieldKind kind) => kind switch
    {
        FieldKind.Number or FieldKind.Money or FieldKind.Rating => "12.5",
        FieldKind.Date => FieldValues.DateFormat,
        FieldKind.DateTime => FieldValues.DateTimeFormat,
        FieldKind.YesNo => "true / false",
        _ => "…",
    };
}

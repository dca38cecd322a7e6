using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Modules.Forms;

/// <summary>The kinds of custom field a tenant can put on a form.</summary>
public enum FieldKind
{
    Text,
    MultiLineText,
    Number,
    Money,
    Date,
    DateTime,
    SingleSelect,
    MultiSelect,
    YesNo,
    Rating,
    User,
    Customer,
    SerialNumber,
    Attachment,
}

/// <summary>How a visibility rule compares the other field's value.</summary>
public enum VisibilityOperator
{
    Equals,
    NotEquals,
    AnyOf,
    IsSet,
    IsNotSet,
}

/// <summary>Who fills the form in: staff see every field, the portal only the fields marked public.</summary>
public enum FormAudience
{
    Staff,
    Portal,
}

/// <summary>A choice of a select field. <see cref="Value"/> is what is stored and filtered on, so it never changes once published.</summary>
public sealed class FieldOption
{
    public string Value { get; set; } = "";
    public string LabelZh { get; set; } = "";
    public string LabelEn { get; set; } = "";

    public string LabelIn(CultureInfo culture) => Localized.Pick(culture, LabelZh, LabelEn, Value);
}

/// <summary>Shows a field only while an earlier field of the same form has (or lacks) a value.</summary>
public sealed class VisibilityRule
{
    public string FieldKey { get; set; } = "";
    public VisibilityOperator Operator { get; set; } = VisibilityOperator.Equals;
    public List<string> Values { get; set; } = [];
}

/// <summary>
/// One custom field. Values are kept by <see cref="Key"/>, which is fixed once a version with the field is published; labels,
/// rules and options may change in later versions while old records keep the version they were written with.
/// </summary>
public sealed class FieldDefinition
{
    public string Key { get; set; } = "";
    public FieldKind Kind { get; set; }
    public string LabelZh { get; set; } = "";
    public string LabelEn { get; set; } = "";
    public string? HelpZh { get; set; }
    public string? HelpEn { get; set; }
    public bool Required { get; set; }

    /// <summary>The starting value, in the field's canonical text form (see <see cref="FieldValues"/>).</summary>
    public string? Default { get; set; }

    /// <summary>Lowest and highest number, money or rating (a rating's maximum is its number of stars, 5 if not set).</summary>
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }

    /// <summary>A regular expression a text must match as a whole.</summary>
    public string? Pattern { get; set; }
    public List<FieldOption> Options { get; set; } = [];
    public VisibilityRule? VisibleWhen { get; set; }

    /// <summary>Shown to customers on the portal (and accepted from them).</summary>
    public bool Public { get; set; }

    public string LabelIn(CultureInfo culture) => Localized.Pick(culture, LabelZh, LabelEn, Key);

    public string? HelpIn(CultureInfo culture)
    {
        var help = Localized.Pick(culture, HelpZh ?? "", HelpEn ?? "", "");
        return help.Length == 0 ? null : help;
    }

    /// <summary>Texts hold the same value at most this long, whatever the field's own limit.</summary>
    public const int TextLimit = 2000;

    public int RatingMax => Max is { } max and >= 1 and <= 10 ? (int)max : 5;

    public bool HasOptions => Kind is FieldKind.SingleSelect or FieldKind.MultiSelect;

    /// <summary>Kinds stored, filtered and sorted as numbers.</summary>
    public bool IsNumeric => Kind is FieldKind.Number or FieldKind.Money or FieldKind.Rating;

    public bool IsDate => Kind is FieldKind.Date or FieldKind.DateTime;

    public FieldDefinition Copy() => JsonSerializer.Deserialize<FieldDefinition>(JsonSerializer.Serialize(this, FormSchema.Json), FormSchema.Json)!;
}

/// <summary>A titled group of fields; the form shows sections in order.</summary>
public sealed class FormSection
{
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public List<FieldDefinition> Fields { get; set; } = [];

    public string TitleIn(CultureInfo culture) => Localized.Pick(culture, TitleZh, TitleEn, "");
}

/// <summary>A form: its sections and fields, stored as JSON in a <see cref="FormVersion"/>.</summary>
public sealed class FormSchema
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public List<FormSection> Sections { get; set; } = [];

    [JsonIgnore]
    public IEnumerable<FieldDefinition> Fields => Sections.SelectMany(s => s.Fields);

    public static FormSchema Empty => new();

    public FieldDefinition? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FormSchema FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new FormSchema();
        }

        try
        {
            return JsonSerializer.Deserialize<FormSchema>(json, Json) ?? new FormSchema();
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException("A stored form is not valid JSON.", exception);
        }
    }

    public FormSchema Copy() => FromJson(ToJson());
}

internal static class Localized
{
    public static string Pick(CultureInfo culture, string zh, string en, string fallback)
    {
        var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var first = chinese ? zh : en;
        var second = chinese ? en : zh;
        return !string.IsNullOrWhiteSpace(first) ? first : !string.IsNullOrWhiteSpace(second) ? second : fallback;
    }
}

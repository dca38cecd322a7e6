using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Workflows.Serialization;

/// <summary>
/// The JSON form of definitions, instances and the other workflow records: camelCase, enums as camelCase strings,
/// durations as ISO 8601, nulls omitted. Serialising what was read gives back the same text.
/// </summary>
public static partial class WorkflowJson
{
    /// <summary>The serializer options; use them for any workflow type (calendars, policies, history entries).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly JsonSerializerOptions CompactOptions = new(Options) { WriteIndented = false };

    /// <summary>A definition as JSON.</summary>
    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>An instance as JSON.</summary>
    public static string Serialize(WorkflowInstance instance) => JsonSerializer.Serialize(instance, Options);

    /// <summary>Reads an instance written by <see cref="Serialize(WorkflowInstance)"/>.</summary>
    /// <exception cref="JsonException">The text is not an instance.</exception>
    public static WorkflowInstance DeserializeInstance(string json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, Options) ?? throw new JsonException("The document is null.");

    /// <summary>
    /// Reads a definition from a document a person may have edited, and reports every shape problem found with its
    /// path: malformed JSON, unknown or missing properties, wrong types, unknown action kinds, a foreign schema.
    /// Semantic problems (unreachable statuses…) are the validator's job.
    /// </summary>
    public static ImportResult Import(string json)
    {
        WorkflowDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Options);
        }
        catch (JsonException e)
        {
            return new ImportResult(null, [new ImportError(e.Path ?? "$", e.LineNumber + 1, Clean(e.Message))]);
        }

        if (definition is null)
        {
            return new ImportResult(null, [new ImportError("$", null, "The document is null, not a workflow definition.")]);
        }

        var errors = new List<ImportError>();
        if (definition.Schema != WorkflowDefinition.CurrentSchema)
        {
            errors.Add(new ImportError("$.schema", null, $"Unsupported schema '{definition.Schema}'; expected '{WorkflowDefinition.CurrentSchema}'."));
        }

        FindNulls(definition, "$", errors, 0);
        return errors.Count == 0 ? new ImportResult(definition, []) : new ImportResult(null, errors);
    }

    // An empty list or a false flag says nothing a reader needs: leaving them out halves a definition's size. Required
    // members are always written, so what is left out always reads back as its default.
    private static void OmitEmptyOptionals(JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(p => !p.IsRequired))
        {
            if (property.PropertyType == typeof(bool))
            {
                property.ShouldSerialize = (_, value) => value is true;
            }
            else if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is IEnumerable list && list.GetEnumerator().MoveNext();
            }
        }
    }

    /// <summary>One line of JSON, for comparing and showing parts of a definition.</summary>
    internal static string Compact<T>(T value) => JsonSerializer.Serialize(value, CompactOptions);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            NumberHandling = JsonNumberHandling.Strict,

            // Definitions are full of Chinese labels; \u escapes would make exported files unreadable.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyOptionals } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new IsoDurationConverter());
        options.MakeReadOnly();
        return options;
    }

    // The serializer checks the nullability of properties but not of list elements: "statuses": [null] would get
    // through, so the definition's lists are walked once (by reflection, so a new list property is covered too).
    private static void FindNulls(object node, string path, List<ImportError> errors, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        foreach (var property in node.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0 || property.IsDefined(typeof(JsonIgnoreAttribute), inherit: true))
            {
                continue;
            }

            var value = property.GetValue(node);
            var name = $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            if (value is IEnumerable list and not string)
            {
                var index = 0;
                foreach (var item in list)
                {
                    var itemPath = $"{name}[{index++}]";
                    if (item is null)
                    {
                        errors.Add(new ImportError(itemPath, null, "An element is null."));
                    }
                    else if (IsModel(item))
                    {
                        FindNulls(item, itemPath, errors, depth + 1);
                    }
                }
            }
            else if (value is not null && IsModel(value))
            {
                FindNulls(value, name, errors, depth + 1);
            }
        }
    }

    private static bool IsModel(object value) =>
        value.GetType().Namespace?.StartsWith("AfterSales.Workflows", StringComparison.Ordinal) == true && !value.GetType().IsEnum;

    // The serializer's messages name .NET types and end with "Path: … | LineNumber: …", which the error already
    // carries; an administrator fixing a file needs the allowed values instead.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message)
            .Replace(" Consider updating its nullability annotation.", "", StringComparison.Ordinal)
            .Replace("AfterSales.Workflows.", "", StringComparison.Ordinal);
        message = NamespacePrefix().Replace(message, "");

        if (UnknownDiscriminator().Match(message) is { Success: true } unknown)
        {
            var kinds = typeof(WorkflowAction).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), false)
                .Cast<JsonDerivedTypeAttribute>().Select(a => a.TypeDiscriminator);
            return $"Unknown action kind '{unknown.Groups[1].Value}'. Known kinds: {string.Join(", ", kinds)}.";
        }

        if (EnumConversion().Match(message) is { Success: true } conversion &&
            typeof(WorkflowDefinition).Assembly.GetTypes().FirstOrDefault(t => t.IsEnum && t.Name == conversion.Groups[1].Value) is { } type)
        {
            return $"{message} Allowed values: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}.";
        }

        return message;
    }

    [GeneratedRegex(@"\b(?:Definitions|Actions|Timers|Sla|Runtime)\.")]
    private static partial Regex NamespacePrefix();

    [GeneratedRegex("unrecognized type discriminator id '([^']*)'")]
    private static partial Regex UnknownDiscriminator();

    [GeneratedRegex(@"could not be converted to (\w+)\.")]
    private static partial Regex EnumConversion();
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Modules.Forms;

/// <summary>
/// Reads custom-field values from JSON as an integration naturally writes them (<c>3</c>, <c>true</c>, <c>["a","b"]</c>, text)
/// into the text the form rules check; writes them back as texts.
/// </summary>
public sealed class FieldValuesJsonConverter : JsonConverter<Dictionary<string, string?>>
{
    public override Dictionary<string, string?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("customFields must be an object of field keys and values.");
        }

        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => FieldValues.FromJson(p.Value), StringComparer.Ordinal);
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string?> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value)
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }
}

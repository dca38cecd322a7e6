using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace AfterSales.Workflows.Serialization;

/// <summary>
/// Writes durations as ISO 8601 (<c>PT2H</c>, <c>P3D</c>), the form people type in the designer and in JSON by
/// hand. Years and months are refused: their length depends on the calendar, and a timer must mean one length.
/// </summary>
internal sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var datePart = text is null ? "" : text.Split('T')[0];
        if (string.IsNullOrEmpty(text) || datePart.Contains('Y') || datePart.Contains('M'))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration in days, hours, minutes and seconds (e.g. PT4H, P3D).");
        }

        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException e)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration (e.g. PT4H, P3D).", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}

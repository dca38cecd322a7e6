using System.Collections;
using System.Globalization;
using System.Text.Json;
using AfterSales.Workflows.Runtime;
using Jint;
using Jint.Native;

namespace AfterSales.Workflows.Conditions;

/// <summary>
/// Builds a condition's globals as plain JavaScript values. Nothing is wrapped as a CLR object, so a script has no
/// path from its data to .NET members, whatever the interop options say.
/// </summary>
internal static class JsValues
{
    private const int MaxDepth = 8;

    public static void Define(Engine engine, ConditionScope scope)
    {
        var request = Object(engine, scope.Request.Fields, 0);
        request.FastSetDataProperty("id", From(engine, scope.Request.Id, 0));
        request.FastSetDataProperty("serviceType", From(engine, scope.Request.ServiceType, 0));
        request.FastSetDataProperty("priority", From(engine, scope.Request.Priority, 0));
        request.FastSetDataProperty("assigneeId", From(engine, scope.Request.AssigneeId, 0));
        request.FastSetDataProperty("custom", Object(engine, scope.Request.CustomFields, 0));

        var user = new JsObject(engine);
        user.FastSetDataProperty("id", From(engine, scope.Actor.UserId, 0));
        user.FastSetDataProperty("name", From(engine, scope.Actor.Name, 0));
        user.FastSetDataProperty("roles", new JsArray(engine, scope.Actor.Roles.Order(StringComparer.Ordinal).Select(r => (JsValue)new JsString(r)).ToArray()));

        var attempts = new JsObject(engine);
        foreach (var (key, count) in scope.Attempts)
        {
            attempts.FastSetDataProperty(key, new JsNumber(count));
        }

        engine.SetValue("request", request);
        engine.SetValue("user", user);
        engine.SetValue("attempts", attempts);
        engine.SetValue("vars", Object(engine, scope.Variables, 0));
        engine.SetValue("status", new JsString(scope.Status));
        engine.SetValue("statusEnteredAt", Date(engine, scope.StatusEnteredAt));
        engine.SetValue("now", Date(engine, scope.Now));
        engine.SetValue("today", new JsString(scope.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static JsObject Object(Engine engine, IEnumerable<KeyValuePair<string, object?>> values, int depth)
    {
        var result = new JsObject(engine);
        foreach (var (key, value) in values)
        {
            result.FastSetDataProperty(key, From(engine, value, depth + 1));
        }

        return result;
    }

    private static JsValue From(Engine engine, object? value, int depth) => value switch
    {
        _ when depth > MaxDepth => JsValue.Undefined,
        null => JsValue.Null,
        string s => new JsString(s),
        bool b => b ? JsBoolean.True : JsBoolean.False,
        int or long or short or byte or sbyte or uint or ulong or ushort or float or double or decimal =>
            new JsNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        DateTimeOffset d => Date(engine, d),
        DateTime d => Date(engine, d.Kind == DateTimeKind.Local ? new DateTimeOffset(d) : new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        DateOnly d => new JsString(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => new JsString(t.ToString("HH:mm", CultureInfo.InvariantCulture)),
        Enum e => new JsString(e.ToString()),
        Guid g => new JsString(g.ToString()),
        JsonElement json => FromJson(engine, json, depth),
        IEnumerable<KeyValuePair<string, object?>> map => Object(engine, map, depth),
        IEnumerable list => new JsArray(engine, list.Cast<object?>().Select(v => From(engine, v, depth + 1)).ToArray()),
        IFormattable f => new JsString(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new JsString(value.ToString() ?? ""),
    };

    private static JsValue FromJson(Engine engine, JsonElement json, int depth) => json.ValueKind switch
    {
        JsonValueKind.String => new JsString(json.GetString()!),
        JsonValueKind.Number => new JsNumber(json.GetDouble()),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        JsonValueKind.Array => new JsArray(engine, json.EnumerateArray().Select(e => FromJson(engine, e, depth + 1)).ToArray()),
        JsonValueKind.Object when depth <= MaxDepth => Object(engine, json.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)), depth),
        _ => JsValue.Null,
    };

    private static JsValue Date(Engine engine, DateTimeOffset instant) =>
        engine.Construct("Date", new JsNumber(instant.ToUnixTimeMilliseconds()));
}

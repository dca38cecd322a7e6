using System.Globalization;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Runtime;

/// <summary>Reads an instance's text-form variables as the types their definitions declare.</summary>
public static class WorkflowVariables
{
    /// <summary>Every variable of the instance, typed; values that do not parse as their type are null.</summary>
    public static IReadOnlyDictionary<string, object?> Typed(WorkflowDefinition definition, WorkflowInstance instance) =>
        instance.Variables.ToDictionary(v => v.Key, v => Read(definition.FindVariable(v.Key)?.Type ?? VariableType.String, v.Value));

    /// <summary>A variable's text as <paramref name="type"/>; null when absent or unreadable.</summary>
    public static object? Read(VariableType type, string? text) => (type, text) switch
    {
        (_, null) => null,
        (VariableType.Number, _) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null,
        (VariableType.Boolean, _) => bool.TryParse(text, out var b) ? b : null,
        (VariableType.Date, _) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null,
        _ => text,
    };
}

using System.Globalization;
using AfterSales.Workflows.Conditions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// The made-up request and user that the condition test box and the simulator run against, from values typed into
/// text boxes. Nothing here reads or writes a real request.
/// </summary>
public static class SampleInput
{
    /// <summary>The user id the sample user acts under when not the assignee.</summary>
    public const string UserId = "sample-user";

    // Request properties the engine reads outside the field dictionaries.
    private const string AssigneeKey = "assigneeId";
    private const string PriorityKey = "priority";
    private const string ServiceTypeKey = "serviceType";

    /// <summary>
    /// A request from typed <paramref name="values"/>: custom fields (per <paramref name="fields"/>) under
    /// <c>request.custom</c>, the rest as built-in fields; text that reads as a boolean or number becomes one, as
    /// the form would have stored it.
    /// </summary>
    public static RequestSnapshot Request(IReadOnlyDictionary<string, string?> values, IReadOnlyList<DesignerField> fields)
    {
        var custom = fields.Where(f => f.IsCustom).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var filled = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToList();
        return new RequestSnapshot
        {
            Id = "SIMULATION",
            AssigneeId = Text(values, AssigneeKey),
            Priority = Text(values, PriorityKey),
            ServiceType = Text(values, ServiceTypeKey),
            Fields = filled.Where(v => !custom.Contains(v.Key)).ToDictionary(v => v.Key, v => Read(v.Value)),
            CustomFields = filled.Where(v => custom.Contains(v.Key)).ToDictionary(v => v.Key, v => Read(v.Value)),
        };
    }

    /// <summary>
    /// A user with <paramref name="roles"/>. <see cref="TransitionDefinition.AssigneeRole"/> among them means "I am the
    /// assignee": the user takes the request's assignee id, so it only counts while someone is assigned.
    /// </summary>
    public static WorkflowActor Actor(IEnumerable<string> roles, RequestSnapshot request)
    {
        var chosen = roles.ToList();
        var isAssignee = chosen.Contains(TransitionDefinition.AssigneeRole) && request.AssigneeId is not null;
        return new WorkflowActor(isAssignee ? request.AssigneeId : UserId, UserId,
            chosen.Where(r => r != TransitionDefinition.AssigneeRole).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>What a condition sees in <paramref name="status"/> for the sample request and user, with the variables at their defaults.</summary>
    public static ConditionScope Scope(WorkflowDefinition definition, string status, RequestSnapshot request, WorkflowActor actor,
        IReadOnlyDictionary<string, int> attempts, DateTimeOffset now) => new()
    {
        Request = request,
        Actor = actor,
        Status = status,
        StatusEnteredAt = now,
        Attempts = definition.AttemptCounters().ToDictionary(c => c, c => attempts.GetValueOrDefault(c)),
        Variables = definition.Variables.ToDictionary(v => v.Key, v => WorkflowVariables.Read(v.Type, v.Default)),
        Now = now,
        Today = DateOnly.FromDateTime(now.Date),
    };

    /// <summary>Typed text as a form stores it: <c>true</c>/<c>false</c> as booleans, invariant numbers as numbers, the rest as text.</summary>
    public static object? Read(string? text)
    {
        var value = text?.Trim();
        return value switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => value,
        };
    }

    private static string? Text(IReadOnlyDictionary<string, string?> values, string key) =>
        values.GetValueOrDefault(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// What the engine may know about the request, read by conditions and timers. Values may be strings, numbers,
/// booleans, <see cref="DateTimeOffset"/>, <see cref="DateTime"/>, <see cref="DateOnly"/>, enums, lists, nested
/// dictionaries or <see cref="System.Text.Json.JsonElement"/>s.
/// </summary>
public sealed record RequestSnapshot
{
    /// <summary>An empty request, for tests and the designer's simulator.</summary>
    public static RequestSnapshot Empty { get; } = new();

    /// <summary>Request id.</summary>
    public string? Id { get; init; }

    /// <summary>Service type code (picks the SLA targets).</summary>
    public string? ServiceType { get; init; }

    /// <summary>Priority (picks the SLA targets).</summary>
    public string? Priority { get; init; }

    /// <summary>Assignee user id (matches the <c>$assignee</c> pseudo-role).</summary>
    public string? AssigneeId { get; init; }

    /// <summary>Built-in fields by key (e.g. <c>requestedDate</c>, <c>createdAt</c>, <c>customerId</c>).</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; init; } = new Dictionary<string, object?>();

    /// <summary>Custom field values by key.</summary>
    public IReadOnlyDictionary<string, object?> CustomFields { get; init; } = new Dictionary<string, object?>();

    /// <summary>A built-in field, else a custom field, else null.</summary>
    public object? Value(string key) =>
        Fields.TryGetValue(key, out var value) ? value : CustomFields.GetValueOrDefault(key);
}

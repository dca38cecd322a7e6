namespace AfterSales.Workflows.Runtime;

/// <summary>Who acts: a signed-in user with roles, or the system (timers, host automation).</summary>
/// <param name="UserId">User id; null for the system.</param>
/// <param name="Name">Display name for the history.</param>
/// <param name="Roles">Role names.</param>
public sealed record WorkflowActor(string? UserId, string? Name, IReadOnlySet<string> Roles)
{
    /// <summary>The system: may fire automatic transitions and bypasses role checks, never conditions.</summary>
    public static WorkflowActor System { get; } = new(null, "system", new HashSet<string>());

    /// <summary>Whether this is <see cref="System"/>.</summary>
    public bool IsSystem => ReferenceEquals(this, System);

    /// <summary>A user with <paramref name="roles"/>.</summary>
    public static WorkflowActor User(string userId, string? name, params string[] roles) =>
        new(userId, name, new HashSet<string>(roles, StringComparer.Ordinal));
}

namespace AfterSales.Modules.Service;

/// <summary>Who acts: their id and name for the timeline, their roles for what they may do.</summary>
public sealed record RequestActor(string? UserId, string? Name, IReadOnlySet<string> Roles)
{
    /// <summary>The workflow's timers and other automation.</summary>
    public static RequestActor System { get; } = new(null, "system", new HashSet<string>());

    public bool IsServiceDesk => Roles.Overlaps([Shared.Roles.TenantAdmin, Shared.Roles.Manager, Shared.Roles.Dispatcher, Shared.Roles.Agent]);
    public bool IsManager => Roles.Overlaps([Shared.Roles.TenantAdmin, Shared.Roles.Manager]);
}

/// <summary>Builds the acting user from the signed-in principal.</summary>
public static class RequestActors
{
    public static RequestActor From(System.Security.Claims.ClaimsPrincipal user, Shared.ICurrentUser current) =>
        new(current.Id, current.Name, user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
}

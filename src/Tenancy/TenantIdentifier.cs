using System.Text.RegularExpressions;

namespace AfterSales.Tenancy;

/// <summary>Rules for tenant identifiers (slugs).</summary>
public static partial class TenantIdentifier
{
    /// <summary>Identifiers the product uses for its own routes and hosts.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "www", "api", "app", "platform", "admin", "health", "connect", "static", "portal", "t",
    };

    /// <summary>2–40 characters: lower-case letters, digits and inner hyphens; case-insensitive on input.</summary>
    public static bool IsValid(string? identifier) =>
        identifier is not null && SlugPattern().IsMatch(identifier);

    /// <summary>True when the identifier is valid and free for a new tenant.</summary>
    public static bool IsAvailableForNewTenant(string? identifier) =>
        IsValid(identifier) && !Reserved.Contains(identifier!);

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,38}[a-zA-Z0-9]$")]
    private static partial Regex SlugPattern();
}

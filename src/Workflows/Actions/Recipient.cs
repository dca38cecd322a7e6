namespace AfterSales.Workflows.Actions;

/// <summary>One addressee of a notification.</summary>
/// <param name="Kind">Who it designates.</param>
/// <param name="Value">Role name or user id, for <see cref="RecipientKind.Role"/> and <see cref="RecipientKind.User"/>.</param>
public sealed record Recipient(RecipientKind Kind, string? Value = null)
{
    /// <summary>Everyone with <paramref name="role"/>.</summary>
    public static Recipient OfRole(string role) => new(RecipientKind.Role, role);

    /// <summary>The request's assignee.</summary>
    public static Recipient Assignee { get; } = new(RecipientKind.Assignee);

    /// <summary>The request's customer.</summary>
    public static Recipient Customer { get; } = new(RecipientKind.Customer);
}

namespace AfterSales.Modules.Service;

/// <summary>The staff requests can be assigned to; the administration feature, which keeps the users, provides it.</summary>
public interface IAssigneeDirectory
{
    /// <summary>The tenant's engineers who can sign in, by name.</summary>
    Task<IReadOnlyList<Assignee>> EngineersAsync(CancellationToken cancellationToken = default);

    /// <summary>Every staff user of the tenant who can sign in, by name (for "user" custom fields).</summary>
    Task<IReadOnlyList<Assignee>> StaffAsync(CancellationToken cancellationToken = default);

    /// <summary>The tenant's user with this id, or null (another tenant's user is not found).</summary>
    Task<Assignee?> FindAsync(string userId, CancellationToken cancellationToken = default);
}

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

    /// <summary>The tenant's users with <paramref name="role"/> who can sign in, with their e-mail, by name.</summary>
    Task<IReadOnlyList<StaffContact>> InRoleAsync(string role, CancellationToken cancellationToken = default);

    /// <summary>Users of the tenant by id, with their e-mail; ids of other tenants or unknown ones are left out.</summary>
    Task<IReadOnlyList<StaffContact>> ContactsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);
}

/// <summary>A staff member as notifications reach them.</summary>
public sealed record StaffContact(string UserId, string Name, string? Email);

namespace AfterSales.Tenancy.Stores;

/// <summary>Where tenants are kept. Reads return immutable snapshots; writes go through the store so caches stay true.</summary>
public interface ITenantStore
{
    /// <summary>Finds a tenant by its identifier (case-insensitive).</summary>
    Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default);

    /// <summary>Finds a tenant by its id.</summary>
    Task<TenantInfo?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>All tenants, ordered by identifier, for the platform area.</summary>
    Task<IReadOnlyList<Tenant>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Loads a tenant for editing; save it with <see cref="UpdateAsync"/>.</summary>
    Task<Tenant?> GetForEditAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Adds a tenant. Throws <see cref="InvalidOperationException"/> when the identifier is taken.</summary>
    Task AddAsync(Tenant tenant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a tenant loaded with <see cref="GetForEditAsync"/>. Throws
    /// <see cref="TenantConcurrencyException"/> when someone else saved it in the meantime.
    /// </summary>
    Task UpdateAsync(Tenant tenant, CancellationToken cancellationToken = default);
}

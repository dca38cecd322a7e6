using AfterSales.Tenancy.Stores;

namespace AfterSales.Tenancy.Tests.TestDoubles;

/// <summary>Passes every call to <paramref name="inner"/> and counts the lookups.</summary>
public sealed class CountingTenantStore(ITenantStore inner) : ITenantStore
{
    public int IdentifierLookups { get; private set; }

    public int IdLookups { get; private set; }

    public Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default)
    {
        IdentifierLookups++;
        return inner.FindByIdentifierAsync(identifier, cancellationToken);
    }

    public Task<TenantInfo?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        IdLookups++;
        return inner.FindByIdAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<Tenant>> GetAllAsync(CancellationToken cancellationToken = default) => inner.GetAllAsync(cancellationToken);

    public Task<Tenant?> GetForEditAsync(string id, CancellationToken cancellationToken = default) => inner.GetForEditAsync(id, cancellationToken);

    public Task AddAsync(Tenant tenant, CancellationToken cancellationToken = default) => inner.AddAsync(tenant, cancellationToken);

    public Task UpdateAsync(Tenant tenant, CancellationToken cancellationToken = default) => inner.UpdateAsync(tenant, cancellationToken);
}

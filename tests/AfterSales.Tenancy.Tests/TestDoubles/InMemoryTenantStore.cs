using AfterSales.Tenancy.Stores;

namespace AfterSales.Tenancy.Tests.TestDoubles;

/// <summary>A list of tenants; records the identifiers it was asked for.</summary>
public sealed class InMemoryTenantStore(params Tenant[] tenants) : ITenantStore
{
    private readonly List<Tenant> _tenants = [.. tenants];

    public List<string> IdentifierLookups { get; } = [];

    public Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default)
    {
        IdentifierLookups.Add(identifier);
        return Task.FromResult(_tenants.FirstOrDefault(t => string.Equals(t.Identifier, identifier, StringComparison.OrdinalIgnoreCase))?.ToInfo());
    }

    public Task<TenantInfo?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tenants.FirstOrDefault(t => t.Id == id)?.ToInfo());

    public Task<IReadOnlyList<Tenant>> GetAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Tenant>>([.. _tenants.OrderBy(t => t.Identifier, StringComparer.Ordinal)]);

    public Task<Tenant?> GetForEditAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tenants.FirstOrDefault(t => t.Id == id));

    public Task AddAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        _tenants.Add(tenant);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(Tenant tenant, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

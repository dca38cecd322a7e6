using Microsoft.Extensions.Caching.Memory;

namespace AfterSales.Tenancy.Stores;

/// <summary>
/// Caches lookups of an inner store in the process; writes through this store invalidate both keys.
/// Entries also expire after <paramref name="timeToLive"/>, which bounds how long another replica
/// can serve a stale snapshot (a suspended tenant, say) until a distributed invalidation exists.
/// </summary>
public sealed class CachedTenantStore(ITenantStore inner, IMemoryCache cache, TimeSpan timeToLive) : ITenantStore
{
    private static string IdentifierKey(string identifier) => "tenancy:identifier:" + identifier.ToLowerInvariant();
    private static string IdKey(string id) => "tenancy:id:" + id;

    /// <inheritdoc />
    public Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default) =>
        GetOrLoadAsync(IdentifierKey(identifier), () => inner.FindByIdentifierAsync(identifier, cancellationToken));

    /// <inheritdoc />
    public Task<TenantInfo?> FindByIdAsync(string id, CancellationToken cancellationToken = default) =>
        GetOrLoadAsync(IdKey(id), () => inner.FindByIdAsync(id, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<Tenant>> GetAllAsync(CancellationToken cancellationToken = default) => inner.GetAllAsync(cancellationToken);

    /// <inheritdoc />
    public Task<Tenant?> GetForEditAsync(string id, CancellationToken cancellationToken = default) => inner.GetForEditAsync(id, cancellationToken);

    /// <inheritdoc />
    public async Task AddAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        await inner.AddAsync(tenant, cancellationToken);
        Invalidate(tenant);
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        // An update never changes the identifier, but the edited object may carry another one: drop the entry of the
        // stored identifier too, or a suspension would be served from the cache until the entry expires.
        var stored = await inner.GetForEditAsync(tenant.Id, cancellationToken);
        try
        {
            await inner.UpdateAsync(tenant, cancellationToken);
        }
        finally
        {
            Invalidate(tenant);
            if (stored is not null)
            {
                cache.Remove(IdentifierKey(stored.Identifier));
            }
        }
    }

    private void Invalidate(Tenant tenant)
    {
        cache.Remove(IdentifierKey(tenant.Identifier));
        cache.Remove(IdKey(tenant.Id));
    }

    private async Task<TenantInfo?> GetOrLoadAsync(string key, Func<Task<TenantInfo?>> load)
    {
        if (cache.TryGetValue(key, out TenantInfo? cached))
        {
            return cached;
        }

        var tenant = await load();
        // Unknown identifiers are cached briefly too, so a scan of /t/random-names cannot hammer the database.
        cache.Set(key, tenant, tenant is null ? TimeSpan.FromSeconds(10) : timeToLive);
        return tenant;
    }
}

using AfterSales.Tenancy.Stores;
using AfterSales.Tenancy.Tests.TestDoubles;
using Microsoft.Extensions.Caching.Memory;

namespace AfterSales.Tenancy.Tests.Stores;

/// <summary>The store contract over the EF store, plus what the cache itself must do.</summary>
public sealed class CachedTenantStoreShould : TenantStoreContract
{
    private readonly TenantsDatabase _db = new();
    private readonly List<MemoryCache> _caches = [];
    private CountingTenantStore? _inner;

    private CountingTenantStore Inner => _inner ?? throw new InvalidOperationException("Use Store first.");

    protected override ITenantStore CreateStore()
    {
        var inner = new CountingTenantStore(new EfCoreTenantStore<TenantsDbContext>(_db.CreateContext()));
        _inner ??= inner;
        var cache = new MemoryCache(new MemoryCacheOptions());
        _caches.Add(cache);
        return new CachedTenantStore(inner, cache, TimeSpan.FromMinutes(5));
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var cache in _caches)
        {
            cache.Dispose();
        }

        _db.Dispose();
        base.Dispose(disposing);
    }

    [Fact]
    public async Task ServeASecondLookupByIdentifierFromTheCache()
    {
        await Store.AddAsync(TestTenants.Tenant("demo"));

        var first = await Store.FindByIdentifierAsync("demo");
        var second = await Store.FindByIdentifierAsync("DEMO");

        Assert.Equal(1, Inner.IdentifierLookups);
        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task ServeASecondLookupByIdFromTheCache()
    {
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);

        await Store.FindByIdAsync(demo.Id);
        var second = await Store.FindByIdAsync(demo.Id);

        Assert.Equal(1, Inner.IdLookups);
        Assert.Equal("demo", second?.Identifier);
    }

    [Fact]
    public async Task ShowAnUpdatedStatusOnTheNextLookup()
    {
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);
        Assert.Equal(TenantStatus.Active, (await Store.FindByIdentifierAsync("demo"))?.Status);
        Assert.Equal(TenantStatus.Active, (await Store.FindByIdAsync(demo.Id))?.Status);

        var edit = await Store.GetForEditAsync(demo.Id);
        Assert.NotNull(edit);
        edit.Status = TenantStatus.Suspended;
        await Store.UpdateAsync(edit);

        Assert.Equal(TenantStatus.Suspended, (await Store.FindByIdentifierAsync("demo"))?.Status);
        Assert.Equal(TenantStatus.Suspended, (await Store.FindByIdAsync(demo.Id))?.Status);
        Assert.Equal(2, Inner.IdentifierLookups);
        Assert.Equal(2, Inner.IdLookups);
    }

    [Fact]
    public async Task ShowAnUpdatedStatusEvenWhenTheEditCarriesAnotherIdentifier()
    {
        // The identifier cannot change through UpdateAsync, so the entry to drop is the stored identifier's,
        // not whatever the edited object says.
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);
        Assert.Equal(TenantStatus.Active, (await Store.FindByIdentifierAsync("demo"))?.Status);

        var edit = await Store.GetForEditAsync(demo.Id);
        Assert.NotNull(edit);
        edit.Identifier = "renamed";
        edit.Status = TenantStatus.Suspended;
        await Store.UpdateAsync(edit);

        Assert.Equal(TenantStatus.Suspended, (await Store.FindByIdentifierAsync("demo"))?.Status);
        Assert.Null(await Store.FindByIdentifierAsync("renamed"));
    }

    [Fact]
    public async Task CacheAnUnknownIdentifierUntilTheTenantIsAdded()
    {
        Assert.Null(await Store.FindByIdentifierAsync("newco"));
        Assert.Null(await Store.FindByIdentifierAsync("newco"));
        Assert.Equal(1, Inner.IdentifierLookups);

        await Store.AddAsync(TestTenants.Tenant("newco"));

        Assert.Equal("id-newco", (await Store.FindByIdentifierAsync("newco"))?.Id);
    }

    [Fact]
    public async Task InvalidateEvenWhenAnUpdateConflicts()
    {
        // Another replica (its own cache) suspends the tenant; this one still serves its cached snapshot.
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);
        Assert.Equal(TenantStatus.Active, (await Store.FindByIdentifierAsync("demo"))?.Status);
        var stale = await Store.GetForEditAsync(demo.Id);
        Assert.NotNull(stale);
        var otherReplica = CreateStore();
        var edit = await otherReplica.GetForEditAsync(demo.Id);
        Assert.NotNull(edit);
        edit.Status = TenantStatus.Suspended;
        await otherReplica.UpdateAsync(edit);
        Assert.Equal(TenantStatus.Active, (await Store.FindByIdentifierAsync("demo"))?.Status);

        await Assert.ThrowsAsync<TenantConcurrencyException>(() => Store.UpdateAsync(stale));

        Assert.Equal(TenantStatus.Suspended, (await Store.FindByIdentifierAsync("demo"))?.Status);
    }
}

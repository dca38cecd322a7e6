using AfterSales.Tenancy.Stores;
using AfterSales.Tenancy.Tests.TestDoubles;

namespace AfterSales.Tenancy.Tests.Stores;

/// <summary>
/// What every <see cref="ITenantStore"/> must do. <see cref="CreateStore"/> returns a new store over the
/// same data each call, so a second store checks what was really saved.
/// </summary>
public abstract class TenantStoreContract : IDisposable
{
    private ITenantStore? _store;

    /// <summary>The store under test.</summary>
    protected ITenantStore Store => _store ??= CreateStore();

    /// <summary>Builds a new store (with its own context and cache) over the shared data.</summary>
    protected abstract ITenantStore CreateStore();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("DEMO")]
    [InlineData("Demo")]
    public async Task FindATenantByIdentifierIgnoringCase(string identifier)
    {
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);

        var found = await Store.FindByIdentifierAsync(identifier);

        Assert.NotNull(found);
        Assert.Equal(demo.Id, found.Id);
        Assert.Equal("demo", found.Identifier);
    }

    [Fact]
    public async Task StoreIdentifiersInLowerCase()
    {
        await Store.AddAsync(TestTenants.Tenant("Acme"));

        var found = await CreateStore().FindByIdentifierAsync("acme");

        Assert.Equal("acme", found?.Identifier);
    }

    [Fact]
    public async Task FindATenantById()
    {
        var demo = TestTenants.Tenant("demo");
        demo.Branding.PrimaryColor = "#123456";
        demo.Plan = "pro";
        await Store.AddAsync(demo);
        await Store.AddAsync(TestTenants.Tenant("other"));

        var found = await Store.FindByIdAsync(demo.Id);

        Assert.NotNull(found);
        Assert.Equal("demo", found.Identifier);
        Assert.Equal("demo Ltd", found.Name);
        Assert.Equal("#123456", found.Branding.PrimaryColor);
        Assert.Equal("pro", found.Plan);
        Assert.True(found.IsActive);
    }

    [Fact]
    public async Task ReturnNullForUnknownTenants()
    {
        await Store.AddAsync(TestTenants.Tenant("demo"));

        Assert.Null(await Store.FindByIdentifierAsync("ghost"));
        Assert.Null(await Store.FindByIdAsync("id-ghost"));
        Assert.Null(await Store.GetForEditAsync("id-ghost"));
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("DEMO")]
    public async Task RejectADuplicateIdentifier(string duplicate)
    {
        await Store.AddAsync(TestTenants.Tenant("demo"));
        var second = TestTenants.Tenant(duplicate);
        second.Id = "id-second";

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddAsync(second));

        var all = await CreateStore().GetAllAsync();
        Assert.Equal("id-demo", Assert.Single(all).Id);
    }

    [Fact]
    public async Task ListAllTenantsByIdentifier()
    {
        await Store.AddAsync(TestTenants.Tenant("zeta"));
        await Store.AddAsync(TestTenants.Tenant("alpha"));
        await Store.AddAsync(TestTenants.Tenant("mid"));

        var all = await Store.GetAllAsync();

        Assert.Equal(["alpha", "mid", "zeta"], all.Select(t => t.Identifier));
    }

    [Fact]
    public async Task SaveAnUpdate()
    {
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);

        var edit = await Store.GetForEditAsync(demo.Id);
        Assert.NotNull(edit);
        var loadedStamp = edit.ConcurrencyStamp;
        edit.DisplayName = "Demo Renamed";
        edit.Branding.PrimaryColor = "#abcdef";
        edit.Status = TenantStatus.Suspended;
        await Store.UpdateAsync(edit);

        var saved = await CreateStore().GetForEditAsync(demo.Id);
        Assert.NotNull(saved);
        Assert.Equal("Demo Renamed", saved.DisplayName);
        Assert.Equal("#abcdef", saved.Branding.PrimaryColor);
        Assert.Equal(TenantStatus.Suspended, saved.Status);
        Assert.NotEqual(loadedStamp, saved.ConcurrencyStamp);
        Assert.Equal(edit.ConcurrencyStamp, saved.ConcurrencyStamp);
    }

    [Fact]
    public async Task SaveSuccessiveUpdatesThroughTheSameStore()
    {
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);

        for (var i = 1; i <= 3; i++)
        {
            var edit = await Store.GetForEditAsync(demo.Id);
            Assert.NotNull(edit);
            edit.DisplayName = "Demo " + i;
            edit.Branding.PortalTitle = "Portal " + i;
            await Store.UpdateAsync(edit);
        }

        var saved = await CreateStore().GetForEditAsync(demo.Id);
        Assert.Equal("Demo 3", saved?.DisplayName);
        Assert.Equal("Portal 3", saved?.Branding.PortalTitle);
    }

    [Fact]
    public async Task KeepTheIdentifierOnUpdate()
    {
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);

        var edit = await Store.GetForEditAsync(demo.Id);
        Assert.NotNull(edit);
        edit.Identifier = "renamed";
        edit.DisplayName = "Demo Renamed";
        await Store.UpdateAsync(edit);

        var store = CreateStore();
        Assert.Equal("Demo Renamed", (await store.FindByIdentifierAsync("demo"))?.Name);
        Assert.Null(await store.FindByIdentifierAsync("renamed"));
    }

    [Fact]
    public async Task RefuseAnUpdateWithAStaleConcurrencyStampAndSaveNothing()
    {
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);
        var first = await Store.GetForEditAsync(demo.Id);
        var second = await Store.GetForEditAsync(demo.Id);
        Assert.NotNull(first);
        Assert.NotNull(second);

        first.DisplayName = "First admin";
        await Store.UpdateAsync(first);
        var staleStamp = second.ConcurrencyStamp;
        second.DisplayName = "Second admin";
        second.Status = TenantStatus.Suspended;

        var error = await Assert.ThrowsAsync<TenantConcurrencyException>(() => Store.UpdateAsync(second));

        Assert.Equal("demo", error.Identifier);
        Assert.Equal(staleStamp, second.ConcurrencyStamp);
        var saved = await CreateStore().GetForEditAsync(demo.Id);
        Assert.NotNull(saved);
        Assert.Equal("First admin", saved.DisplayName);
        Assert.Equal(TenantStatus.Active, saved.Status);
        Assert.Equal(first.ConcurrencyStamp, saved.ConcurrencyStamp);
    }

    [Fact]
    public async Task AcceptAnUpdateAfterReloadingFollowingAConflict()
    {
        var demo = TestTenants.Tenant("demo");
        await Store.AddAsync(demo);
        var first = await Store.GetForEditAsync(demo.Id);
        var second = await Store.GetForEditAsync(demo.Id);
        Assert.NotNull(first);
        Assert.NotNull(second);
        await Store.UpdateAsync(first);
        await Assert.ThrowsAsync<TenantConcurrencyException>(() => Store.UpdateAsync(second));

        var reloaded = await Store.GetForEditAsync(demo.Id);
        Assert.NotNull(reloaded);
        reloaded.DisplayName = "After reload";
        await Store.UpdateAsync(reloaded);

        Assert.Equal("After reload", (await CreateStore().FindByIdAsync(demo.Id))?.Name);
    }
}

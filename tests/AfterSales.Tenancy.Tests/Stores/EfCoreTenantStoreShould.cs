using AfterSales.Tenancy.Stores;

namespace AfterSales.Tenancy.Tests.Stores;

public sealed class EfCoreTenantStoreShould : TenantStoreContract
{
    private readonly TenantsDatabase _db = new();

    protected override ITenantStore CreateStore() => new EfCoreTenantStore<TenantsDbContext>(_db.CreateContext());

    protected override void Dispose(bool disposing)
    {
        _db.Dispose();
        base.Dispose(disposing);
    }
}

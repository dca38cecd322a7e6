using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tenancy.Tests.EntityFrameworkCore.TenantDatabase;

namespace AfterSales.Tenancy.Tests.EntityFrameworkCore;

public sealed class TenantModelBuilderExtensionsShould : IDisposable
{
    private readonly TenantDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void RejectAUniqueIndexWithoutTenantId()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        var options = new DbContextOptionsBuilder<UniqueWithoutTenantDbContext>().UseSqlite(connection).Options;
        using var context = new UniqueWithoutTenantDbContext(options);

        var error = Assert.Throws<InvalidOperationException>(() => context.Model);

        Assert.Contains("Widget(Code)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowAUniqueIndexThatIncludesTheTenant()
    {
        await _db.SeedOrdersAsync(TenantA, "1001");

        await _db.SeedOrdersAsync(TenantB, "1001");

        await Assert.ThrowsAsync<DbUpdateException>(() => _db.SeedOrdersAsync(TenantA, "1001"));
    }

    [Theory]
    [InlineData(typeof(Order))]
    [InlineData(typeof(OrderLine))]
    [InlineData(typeof(Note))]
    public void MakeTenantIdRequiredIndexedAndFiltered(Type entity)
    {
        using var context = _db.Platform();
        var entityType = context.Model.FindEntityType(entity);
        Assert.NotNull(entityType);

        var tenantId = entityType.FindProperty(nameof(ITenantOwned.TenantId));

        Assert.NotNull(tenantId);
        Assert.False(tenantId.IsNullable);
        Assert.Equal(64, tenantId.GetMaxLength());
        Assert.Contains(entityType.GetIndexes(), i => i.Properties[0] == tenantId);
        Assert.Contains(entityType.GetDeclaredQueryFilters(), f => f.Key == TenantModelBuilderExtensions.FilterName);
    }

    [Fact]
    public void KeepTheModulesOwnNamedFilter()
    {
        using var context = _db.Platform();
        var entityType = context.Model.FindEntityType(typeof(Note));
        Assert.NotNull(entityType);

        var keys = entityType.GetDeclaredQueryFilters().Select(f => f.Key).Order(StringComparer.Ordinal);

        Assert.Equal([OrdersDbContext.SoftDeleteFilter, TenantModelBuilderExtensions.FilterName], keys);
    }
}

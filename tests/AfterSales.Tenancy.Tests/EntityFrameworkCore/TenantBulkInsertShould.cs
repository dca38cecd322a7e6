using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tenancy.Tests.EntityFrameworkCore.TenantDatabase;

namespace AfterSales.Tenancy.Tests.EntityFrameworkCore;

public sealed class TenantBulkInsertShould : IDisposable
{
    private readonly TenantDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task WriteEveryRowStampedWithTheCurrentTenantAcrossSeveralStatements()
    {
        // Three columns per order: 666 rows a statement, so 1,500 rows take three statements.
        var orders = Enumerable.Range(1, 1500).Select(i => new Order { Number = $"A-{i:D4}" }).ToList();
        await using (var context = _db.For(TenantA))
        {
            Assert.Equal(1500, await context.Database.BulkInsertAsync(orders));
            Assert.Empty(context.ChangeTracker.Entries());
        }

        Assert.All(orders, o => Assert.Equal(TenantA.Id, o.TenantId));
        await using var reader = _db.For(TenantA);
        var stored = await reader.Orders.OrderBy(o => o.Number).Select(o => new { o.Id, o.Number, o.TenantId }).ToListAsync();
        Assert.Equal(orders.Select(o => o.Number), stored.Select(o => o.Number));
        Assert.Equal(1500, stored.Select(o => o.Id).Distinct().Count(id => id > 0));
        await using var other = _db.For(TenantB);
        Assert.Empty(await other.Orders.ToListAsync());
    }

    [Fact]
    public async Task WriteValuesThroughTheModelsMapping()
    {
        await using (var context = _db.For(TenantA))
        {
            await context.Database.BulkInsertAsync([new Note { Text = "kept", IsDeleted = false }, new Note { Text = "gone", IsDeleted = true }]);
        }

        await using var reader = _db.For(TenantA);
        Assert.Equal("kept", Assert.Single(await reader.Notes.ToListAsync()).Text);
        Assert.Equal(2, await reader.Notes.IgnoreQueryFilters([OrdersDbContext.SoftDeleteFilter]).CountAsync());
    }

    [Fact]
    public async Task RefuseARowOfAnotherTenantWritingNothing()
    {
        await using var context = _db.For(TenantA);
        var rows = new[] { new Order { Number = "A-1" }, new Order { Number = "B-1", TenantId = TenantB.Id } };

        await Assert.ThrowsAsync<TenantIsolationException>(() => context.Database.BulkInsertAsync(rows));

        Assert.Empty(await AllOrdersAsync());
    }

    [Fact]
    public async Task RefuseToWriteWithoutACurrentTenant()
    {
        await using var context = _db.Platform();

        await Assert.ThrowsAsync<TenantIsolationException>(() => context.Database.BulkInsertAsync([new Order { Number = "X-1" }]));

        Assert.Empty(await AllOrdersAsync());
    }

    [Fact]
    public async Task WriteInTheContextsTransactionSoAConflictKeepsNothing()
    {
        await _db.SeedOrdersAsync(TenantA, "A-0900");
        await using var context = _db.For(TenantA);
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            var rows = Enumerable.Range(1, 1000).Select(i => new Order { Number = $"A-{i:D4}" }).ToList();
            // A-0900 is taken: the second statement fails on the unique index after the first one wrote 666 rows.
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => context.Database.BulkInsertAsync(rows));
            await transaction.RollbackAsync();
        }

        Assert.Equal(["A-0900"], (await AllOrdersAsync()).Select(o => o.Number));
    }

    private async Task<List<Order>> AllOrdersAsync()
    {
        await using var context = _db.Platform();
        return await context.Orders.IgnoreQueryFilters().ToListAsync();
    }
}

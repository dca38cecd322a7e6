using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tenancy.Tests.EntityFrameworkCore.TenantDatabase;

namespace AfterSales.Tenancy.Tests.EntityFrameworkCore;

public sealed class TenantBulkInsertShould : IDisposable
{
    private readonly TenantDatabase _db = new();

    public void Dispose() => _db.Dispose();

    // SQLite is written row by row with one prepared statement, a server in multi-row statements; both are run here on SQLite.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteEveryRowStampedWithTheCurrentTenantAcrossSeveralStatements(bool rowByRow)
    {
        // Three columns per order: in multi-row statements 666 rows a statement, so 1,500 rows take three statements.
        var orders = Enumerable.Range(1, 1500).Select(i => new Order { Number = $"A-{i:D4}" }).ToList();
        await using (var context = _db.For(TenantA))
        {
            Assert.Equal(1500, await context.Database.BulkInsertAsync(orders, rowByRow, CancellationToken.None));
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteValuesThroughTheModelsMapping(bool rowByRow)
    {
        await using (var context = _db.For(TenantA))
        {
            await context.Database.BulkInsertAsync([new Note { Text = "kept", IsDeleted = false }, new Note { Text = "gone", IsDeleted = true }], rowByRow, CancellationToken.None);
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteInTheContextsTransactionSoAConflictKeepsNothing(bool rowByRow)
    {
        await _db.SeedOrdersAsync(TenantA, "A-0900");
        await using var context = _db.For(TenantA);
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            var rows = Enumerable.Range(1, 1000).Select(i => new Order { Number = $"A-{i:D4}" }).ToList();
            // A-0900 is taken: the insert fails on the unique index after 899 rows (or a first statement of 666) were written.
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => context.Database.BulkInsertAsync(rows, rowByRow, CancellationToken.None));
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

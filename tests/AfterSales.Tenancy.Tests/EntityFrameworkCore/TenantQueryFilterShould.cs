using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tenancy.Tests.EntityFrameworkCore.TenantDatabase;

namespace AfterSales.Tenancy.Tests.EntityFrameworkCore;

public sealed class TenantQueryFilterShould : IDisposable
{
    private readonly TenantDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ReadTheTenantFromEachContextInstanceNotFromTheCachedModel()
    {
        await _db.SeedOrdersAsync(TenantA, "A-1");
        await _db.SeedOrdersAsync(TenantB, "B-1", "B-2");

        await using var contextA = _db.For(TenantA);
        var seenByA = await contextA.Orders.Select(o => o.Number).ToListAsync();
        await using var contextB = _db.For(TenantB);
        var seenByB = await contextB.Orders.OrderBy(o => o.Number).Select(o => o.Number).ToListAsync();
        var seenByAAgain = await contextA.Orders.Select(o => o.Number).ToListAsync();

        Assert.Same(contextA.Model, contextB.Model);
        Assert.Equal(["A-1"], seenByA);
        Assert.Equal(["B-1", "B-2"], seenByB);
        Assert.Equal(["A-1"], seenByAAgain);
    }

    [Fact]
    public async Task ShowNoTenantRowsToAContextWithoutTenant()
    {
        await _db.SeedOrdersAsync(TenantA, "A-1");

        await using var platform = _db.Platform();
        var orders = await platform.Orders.CountAsync();
        var lines = await platform.OrderLines.CountAsync();

        Assert.Equal(0, orders);
        Assert.Equal(0, lines);
    }

    [Fact]
    public async Task KeepTheTenantFilterWhenOnlyTheSoftDeleteFilterIsIgnored()
    {
        await SeedNotesAsync();
        await using var context = _db.For(TenantA);

        var filtered = await context.Notes.OrderBy(n => n.Text).Select(n => n.Text).ToListAsync();
        var withDeleted = await context.Notes.IgnoreQueryFilters([OrdersDbContext.SoftDeleteFilter])
            .OrderBy(n => n.Text).Select(n => n.Text).ToListAsync();

        Assert.Equal(["a-live"], filtered);
        Assert.Equal(["a-deleted", "a-live"], withDeleted);
    }

    [Fact]
    public async Task DropTheTenantFilterToo_WhenAllFiltersAreIgnored()
    {
        // Pins why IgnoreQueryFilters must be given the soft-delete filter's name: without names it drops isolation.
        await SeedNotesAsync();
        await using var context = _db.For(TenantA);

        var everything = await context.Notes.IgnoreQueryFilters().OrderBy(n => n.Text).Select(n => n.Text).ToListAsync();
        var withoutTenantFilter = await context.Notes.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName])
            .OrderBy(n => n.Text).Select(n => n.Text).ToListAsync();

        Assert.Equal(["a-deleted", "a-live", "b-deleted", "b-live"], everything);
        Assert.Equal(["a-live", "b-live"], withoutTenantFilter);
    }

    [Fact]
    public async Task NotFindAnotherTenantsKey()
    {
        var ordersOfA = await _db.SeedOrdersAsync(TenantA, "A-1");

        await using var contextB = _db.For(TenantB);
        var fromB = await contextB.Orders.FindAsync(ordersOfA[0]);
        await using var contextA = _db.For(TenantA);
        var fromA = await contextA.Orders.FindAsync(ordersOfA[0]);

        Assert.Null(fromB);
        Assert.NotNull(fromA);
    }

    [Fact]
    public async Task IncludeOnlyTheTenantsChildren()
    {
        var ordersOfA = await _db.SeedOrdersAsync(TenantA, "A-1");
        await InsertCorruptedLineAsync(ordersOfA[0]);

        await using var context = _db.For(TenantA);
        var order = await context.Orders.Include(o => o.Lines).SingleAsync();
        var allLinesOfOrder = await context.OrderLines.IgnoreQueryFilters().CountAsync(l => l.OrderId == order.Id);

        Assert.Equal(3, allLinesOfOrder);
        Assert.Equal(["A-1-p1", "A-1-p2"], order.Lines.Select(l => l.Product).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FilterProjectionsAndAggregates()
    {
        var ordersOfA = await _db.SeedOrdersAsync(TenantA, "A-1");
        await _db.SeedOrdersAsync(TenantB, "B-1", "B-2");
        await InsertCorruptedLineAsync(ordersOfA[0]);

        await using var context = _db.For(TenantA);
        var projected = await context.Orders
            .Select(o => new { o.Number, LineCount = o.Lines.Count, Quantity = o.Lines.Sum(l => l.Quantity) })
            .ToListAsync();
        var orderCount = await context.Orders.CountAsync();
        var lineCount = await context.OrderLines.CountAsync();
        var quantity = await context.OrderLines.SumAsync(l => l.Quantity);

        var only = Assert.Single(projected);
        Assert.Equal("A-1", only.Number);
        Assert.Equal(2, only.LineCount);
        Assert.Equal(3, only.Quantity);
        Assert.Equal(1, orderCount);
        Assert.Equal(2, lineCount);
        Assert.Equal(3, quantity);
    }

    [Fact]
    public async Task FilterRawSqlComposedOnTheDbSet()
    {
        await _db.SeedOrdersAsync(TenantA, "A-1");
        await _db.SeedOrdersAsync(TenantB, "B-1", "B-2");

        await using var context = _db.For(TenantA);
        var numbers = await context.Orders.FromSqlRaw("SELECT * FROM Orders").Select(o => o.Number).ToListAsync();

        Assert.Equal(["A-1"], numbers);
    }

    [Fact]
    public async Task FilterBulkUpdatesThatBypassTheSaveHook()
    {
        await SeedNotesAsync();

        int affected;
        await using (var context = _db.For(TenantA))
        {
            affected = await context.Notes.ExecuteUpdateAsync(s => s.SetProperty(n => n.IsDeleted, true));
        }

        await using var contextB = _db.For(TenantB);
        var liveForB = await contextB.Notes.Select(n => n.Text).ToListAsync();
        Assert.Equal(1, affected);
        Assert.Equal(["b-live"], liveForB);
    }

    private async Task SeedNotesAsync()
    {
        foreach (var (tenant, prefix) in new[] { (TenantA, "a"), (TenantB, "b") })
        {
            await using var context = _db.For(tenant);
            context.Notes.AddRange(new Note { Text = prefix + "-live" }, new Note { Text = prefix + "-deleted", IsDeleted = true });
            await context.SaveChangesAsync();
        }
    }

    // Corrupted data: a line of tenant B under an order of tenant A, written around the save hook.
    private async Task InsertCorruptedLineAsync(int orderId)
    {
        await using var platform = _db.Platform();
        var inserted = await platform.Database.ExecuteSqlRawAsync(
            "INSERT INTO OrderLines (TenantId, OrderId, Product, Quantity) VALUES ({0}, {1}, {2}, {3})",
            TenantB.Id, orderId, "foreign", 100);
        Assert.Equal(1, inserted);
    }
}

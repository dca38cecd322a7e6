using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Tenancy.Tests.EntityFrameworkCore.TenantDatabase;

namespace AfterSales.Tenancy.Tests.EntityFrameworkCore;

public sealed class TenantSaveChangesInterceptorShould : IDisposable
{
    private readonly TenantDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task StampTheTenantIdOnInsert()
    {
        await using (var context = _db.For(TenantA))
        {
            var order = new Order { Number = "A-1" };
            context.Orders.Add(order);
            await context.SaveChangesAsync();
            Assert.Equal(TenantA.Id, order.TenantId);
        }

        var stored = await AllOrdersAsync();
        Assert.Equal(TenantA.Id, Assert.Single(stored).TenantId);
    }

    [Fact]
    public void StampTheTenantIdOnSynchronousSave()
    {
        using var context = _db.For(TenantA);
        var note = new Note { Text = "sync" };
        context.Notes.Add(note);

        context.SaveChanges();

        Assert.Equal(TenantA.Id, note.TenantId);
    }

    [Fact]
    public async Task AcceptAnInsertAlreadyCarryingTheCurrentTenant()
    {
        await using var context = _db.For(TenantA);
        context.Orders.Add(new Order { Number = "A-1", TenantId = TenantA.Id });

        var saved = await context.SaveChangesAsync();

        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task RefuseToInsertARowOfAnotherTenant()
    {
        await using var context = _db.For(TenantA);
        context.Orders.Add(new Order { Number = "B-1", TenantId = TenantB.Id });

        await Assert.ThrowsAsync<TenantIsolationException>(() => context.SaveChangesAsync());
        Assert.Empty(await AllOrdersAsync());
    }

    [Fact]
    public async Task RefuseToInsertWithoutCurrentTenant()
    {
        await using var context = _db.Platform();
        context.Orders.Add(new Order { Number = "X-1" });

        await Assert.ThrowsAsync<TenantIsolationException>(() => context.SaveChangesAsync());
        Assert.Empty(await AllOrdersAsync());
    }

    [Fact]
    public async Task RefuseToModifyARowOfAnotherTenant()
    {
        var ordersOfB = await _db.SeedOrdersAsync(TenantB, "B-1");

        await using (var context = _db.For(TenantA))
        {
            var attached = new Order { Id = ordersOfB[0], TenantId = TenantB.Id, Number = "B-1" };
            context.Orders.Attach(attached);
            attached.Number = "hijacked";

            await Assert.ThrowsAsync<TenantIsolationException>(() => context.SaveChangesAsync());
        }

        Assert.Equal("B-1", Assert.Single(await AllOrdersAsync()).Number);
    }

    [Fact]
    public async Task RefuseToDeleteARowOfAnotherTenant()
    {
        var ordersOfB = await _db.SeedOrdersAsync(TenantB, "B-1");

        await using (var context = _db.For(TenantA))
        {
            context.Orders.Remove(new Order { Id = ordersOfB[0], TenantId = TenantB.Id });

            await Assert.ThrowsAsync<TenantIsolationException>(() => context.SaveChangesAsync());
        }

        Assert.Single(await AllOrdersAsync());
    }

    [Fact]
    public async Task RefuseToMoveATrackedRowToAnotherTenant()
    {
        await _db.SeedOrdersAsync(TenantA, "A-1");

        await using (var context = _db.For(TenantA))
        {
            var order = await context.Orders.SingleAsync();
            order.TenantId = TenantB.Id;

            await Assert.ThrowsAsync<TenantIsolationException>(() => context.SaveChangesAsync());
        }

        Assert.Equal(TenantA.Id, Assert.Single(await AllOrdersAsync()).TenantId);
    }

    [Fact]
    public async Task RefuseToModifyTenantRowsWithoutCurrentTenant()
    {
        await _db.SeedOrdersAsync(TenantA, "A-1");

        await using var platform = _db.Platform();
        var order = await platform.Orders.IgnoreQueryFilters().SingleAsync();
        order.Number = "changed";

        await Assert.ThrowsAsync<TenantIsolationException>(() => platform.SaveChangesAsync());
    }

    [Fact]
    public async Task LetATenantModifyAndDeleteItsOwnRows()
    {
        await _db.SeedOrdersAsync(TenantA, "A-1", "A-2");

        await using (var context = _db.For(TenantA))
        {
            var orders = await context.Orders.Include(o => o.Lines).OrderBy(o => o.Number).ToListAsync();
            orders[0].Number = "A-1-changed";
            context.Orders.Remove(orders[1]);
            await context.SaveChangesAsync();
        }

        Assert.Equal("A-1-changed", Assert.Single(await AllOrdersAsync()).Number);
    }

    [Fact]
    public async Task StampEntitiesAddedThroughANavigation()
    {
        var ordersOfA = await _db.SeedOrdersAsync(TenantA, "A-1");

        await using (var context = _db.For(TenantA))
        {
            var order = await context.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == ordersOfA[0]);
            var line = new OrderLine { Product = "added", Quantity = 5 };
            order.Lines.Add(line);
            await context.SaveChangesAsync();
            Assert.Equal(TenantA.Id, line.TenantId);
        }

        await using var platform = _db.Platform();
        var stored = await platform.OrderLines.IgnoreQueryFilters().SingleAsync(l => l.Product == "added");
        Assert.Equal(TenantA.Id, stored.TenantId);
    }

    [Fact]
    public async Task RefuseAChildOfAnotherTenantAddedThroughANavigation()
    {
        var ordersOfA = await _db.SeedOrdersAsync(TenantA, "A-1");

        await using var context = _db.For(TenantA);
        var order = await context.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == ordersOfA[0]);
        order.Lines.Add(new OrderLine { Product = "foreign", TenantId = TenantB.Id });

        await Assert.ThrowsAsync<TenantIsolationException>(() => context.SaveChangesAsync());
    }

    private async Task<List<Order>> AllOrdersAsync()
    {
        await using var platform = _db.Platform();
        return await platform.Orders.IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }
}

using AfterSales.Tenancy.Tests.TestDoubles;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tenancy.Tests.EntityFrameworkCore;

/// <summary>
/// One SQLite in-memory database, kept alive by an open connection and shared by every context created
/// here; all contexts share one options instance, hence one internal service provider and one cached model.
/// </summary>
public sealed class TenantDatabase : IDisposable
{
    public static readonly TenantInfo TenantA = TestTenants.Info("alpha");
    public static readonly TenantInfo TenantB = TestTenants.Info("bravo");

    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public TenantDatabase()
    {
        _connection.Open();
        Options = new DbContextOptionsBuilder<OrdersDbContext>().UseSqlite(_connection).Options;
        using var context = Platform();
        context.Database.EnsureCreated();
    }

    public DbContextOptions<OrdersDbContext> Options { get; }

    public SqliteConnection Connection => _connection;

    public OrdersDbContext For(TenantInfo tenant)
    {
        var tenantContext = new TenantContext();
        tenantContext.SetTenant(tenant, "test");
        return new OrdersDbContext(Options, tenantContext);
    }

    /// <summary>A context with no current tenant (platform work).</summary>
    public OrdersDbContext Platform() => new(Options, new TenantContext());

    /// <summary>Adds orders (with lines) as <paramref name="tenant"/>, through the save hook; returns their ids.</summary>
    public async Task<int[]> SeedOrdersAsync(TenantInfo tenant, params string[] numbers)
    {
        await using var context = For(tenant);
        var orders = numbers.Select(n => new Order
        {
            Number = n,
            Lines = [new OrderLine { Product = n + "-p1", Quantity = 1 }, new OrderLine { Product = n + "-p2", Quantity = 2 }],
        }).ToList();
        context.Orders.AddRange(orders);
        await context.SaveChangesAsync();
        return [.. orders.Select(o => o.Id)];
    }

    public void Dispose() => _connection.Dispose();
}

using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tenancy.Tests.EntityFrameworkCore;

public sealed class Order : ITenantOwned
{
    public int Id { get; set; }

    public string TenantId { get; set; } = "";

    public string Number { get; set; } = "";

    public List<OrderLine> Lines { get; set; } = [];
}

public sealed class OrderLine : ITenantOwned
{
    public int Id { get; set; }

    public string TenantId { get; set; } = "";

    public int OrderId { get; set; }

    public Order? Order { get; set; }

    public string Product { get; set; } = "";

    public int Quantity { get; set; }
}

public sealed class Note : ITenantOwned
{
    public int Id { get; set; }

    public string TenantId { get; set; } = "";

    public string Text { get; set; } = "";

    public bool IsDeleted { get; set; }
}

/// <summary>
/// A module's context as the app would write it: its own configuration (a named soft-delete filter, a
/// unique index that includes the tenant), then <c>ApplyTenantIsolation(this)</c> last, and the save hook.
/// </summary>
public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options, ITenantContext tenantContext)
    : DbContext(options), IMultiTenantDbContext
{
    public const string SoftDeleteFilter = "SoftDelete";

    private static readonly TenantSaveChangesInterceptor SaveHook = new();

    public string? CurrentTenantId => tenantContext.Tenant?.Id;

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<Note> Notes => Set<Note>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(SaveHook);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.HasIndex(o => new { o.TenantId, o.Number }).IsUnique();
            order.HasMany(o => o.Lines).WithOne(l => l.Order).HasForeignKey(l => l.OrderId);
        });
        modelBuilder.Entity<Note>().HasQueryFilter(SoftDeleteFilter, n => !n.IsDeleted);

        modelBuilder.ApplyTenantIsolation(this);
    }
}

public sealed class Widget : ITenantOwned
{
    public int Id { get; set; }

    public string TenantId { get; set; } = "";

    public string Code { get; set; } = "";
}

/// <summary>A context whose unique index ignores the tenant: one tenant's code would block another's.</summary>
public sealed class UniqueWithoutTenantDbContext(DbContextOptions<UniqueWithoutTenantDbContext> options)
    : DbContext(options), IMultiTenantDbContext
{
    public string? CurrentTenantId => null;

    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().HasIndex(w => w.Code).IsUnique();
        modelBuilder.ApplyTenantIsolation(this);
    }
}

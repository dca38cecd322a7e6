using AfterSales.Tenancy.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tenancy.Tests.Stores;

/// <summary>The platform context holding the tenants, as the host app maps it.</summary>
public sealed class TenantsDbContext(DbContextOptions<TenantsDbContext> options) : DbContext(options), ITenantStoreDbContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.HasKey(t => t.Id);
            tenant.HasIndex(t => t.Identifier).IsUnique();
            tenant.OwnsOne(t => t.Branding);
        });
}

/// <summary>A SQLite in-memory tenants database; every context it creates shares it.</summary>
public sealed class TenantsDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly DbContextOptions<TenantsDbContext> _options;
    private readonly List<TenantsDbContext> _contexts = [];

    public TenantsDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<TenantsDbContext>().UseSqlite(_connection).Options;
        CreateContext().Database.EnsureCreated();
    }

    public TenantsDbContext CreateContext()
    {
        var context = new TenantsDbContext(_options);
        _contexts.Add(context);
        return context;
    }

    public void Dispose()
    {
        foreach (var context in _contexts)
        {
            context.Dispose();
        }

        _connection.Dispose();
    }
}

using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Data;

/// <summary>SQLite flavour of <see cref="AppDbContext"/>; owns the migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, ITenantContext tenantContext)
    : AppDbContext(options, tenantContext)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so sorting by date works in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

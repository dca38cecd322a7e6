using AfterSales.Host.Data;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Every model change comes with a migration for both providers: this is the check that fails CI when one is missing
/// (add it with <c>dotnet ef migrations add … --context SqliteAppDbContext</c> and <c>… SqlServerAppDbContext</c>).
/// </summary>
public sealed class MigrationsShould
{
    [Fact]
    public void CoverTheSqliteModel()
    {
        using var context = Sqlite();

        Assert.False(context.Database.HasPendingModelChanges(), "The SQLite model has changes without a migration.");
        Assert.NotEmpty(context.Database.GetMigrations());
    }

    [Fact]
    public void CoverTheSqlServerModel()
    {
        using var context = SqlServer();

        Assert.False(context.Database.HasPendingModelChanges(), "The SQL Server model has changes without a migration.");
        Assert.NotEmpty(context.Database.GetMigrations());
    }

    [Fact]
    public void GenerateAnIdempotentSqlServerScript()
    {
        using var context = SqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Tenants]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAWorkingSqliteDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aftersales-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var context = Sqlite($"Data Source={path};Pooling=False"))
            {
                await context.Database.MigrateAsync();

                Assert.Empty(await context.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await context.Tenants.CountAsync());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SqliteAppDbContext Sqlite(string connectionString = "Data Source=:memory:") =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options, new TenantContext());

    private static SqlServerAppDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=.;Database=x;Trusted_Connection=True").Options, new TenantContext());
}

using AfterSales.Host.Data;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.Data.Sqlite;
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

    [Fact]
    public async Task TurnFreeTextCategoriesIntoCategoriesOfTheirTenant()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aftersales-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var context = Sqlite($"Data Source={path};Pooling=False");
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("ServiceAgreements");
            await context.Database.ExecuteSqlRawAsync("""
                INSERT INTO ProductModels (Id, TenantId, Code, Name, Category, DefaultWarrantyMonths, CreatedAt) VALUES
                    ('6F9619FF-8B86-D011-B42D-00C04FC964F1', 'demo', 'A-1', 'A one', '空调', 12, 0),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964F2', 'demo', 'A-2', 'A two', '空调', 12, 0),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964F3', 'acme', 'P-1', 'Pump', '空调', 12, 0),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964F4', 'acme', 'P-2', 'Other', NULL, 12, 0);
                """);

            await migrator.MigrateAsync();

            var models = await context.ProductModels.IgnoreQueryFilters().Include(m => m.Category).OrderBy(m => m.Code).ToListAsync();
            var categories = await context.ProductCategories.IgnoreQueryFilters().ToListAsync();
            Assert.Equal(2, categories.Count);
            Assert.All(categories, c => Assert.Equal("空调", c.Name));
            Assert.Equal(["空调", "空调", "空调", null], models.Select(m => m.Category?.Name));
            Assert.Equal(models[0].CategoryId, models[1].CategoryId);
            Assert.Equal("acme", models.Single(m => m.Code == "P-1").Category!.TenantId);
            Assert.All(models, m => Assert.Equal(32, m.ConcurrencyStamp.Length));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TurnChannelNumbersIntoChannelCodes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aftersales-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var context = Sqlite($"Data Source={path};Pooling=False");
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("SavedFilters");
            await context.Database.ExecuteSqlRawAsync("""
                INSERT INTO ServiceTypes (Id, TenantId, Code, NameZh, NameEn, Icon, Color, DefaultPriority, SortOrder, IsRetired, ConcurrencyStamp)
                    VALUES ('6F9619FF-8B86-D011-B42D-00C04FC964A0', 'demo', 'CONSULT', '咨询', 'Consultation', 'help', '#000000', 1, 10, 0, 'x');
                INSERT INTO ServiceRequests (Id, TenantId, Number, ServiceTypeId, Channel, Priority, Subject, Status, FailedAttempts, CreatedAt, UpdatedAt, ConcurrencyStamp) VALUES
                    ('6F9619FF-8B86-D011-B42D-00C04FC964B0', 'demo', 'SR-20261101-0001', '6F9619FF-8B86-D011-B42D-00C04FC964A0', 0, 1, 'a', 0, 0, 0, 0, 'x'),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964B1', 'demo', 'SR-20261101-0002', '6F9619FF-8B86-D011-B42D-00C04FC964A0', 3, 1, 'b', 0, 0, 0, 0, 'x'),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964B2', 'demo', 'SR-20261101-0003', '6F9619FF-8B86-D011-B42D-00C04FC964A0', 4, 1, 'c', 0, 0, 0, 0, 'x');
                """);

            await migrator.MigrateAsync();

            var channels = await context.ServiceRequests.IgnoreQueryFilters().OrderBy(r => r.Number).Select(r => r.Channel).ToListAsync();
            Assert.Equal(["Phone", "Api", "WalkIn"], channels);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TurnStatusNumbersIntoWorkflowStatusKeys()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aftersales-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var context = Sqlite($"Data Source={path};Pooling=False");
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("ChannelCodes");
            await context.Database.ExecuteSqlRawAsync("""
                INSERT INTO ServiceTypes (Id, TenantId, Code, NameZh, NameEn, Icon, Color, DefaultPriority, SortOrder, IsRetired, ConcurrencyStamp) VALUES
                    ('6F9619FF-8B86-D011-B42D-00C04FC964A0', 'demo', 'RMA', '返厂', 'Return', 'help', '#000000', 1, 10, 0, 'x'),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964A1', 'demo', 'MINE', '自定义', 'Own', 'help', '#000000', 1, 20, 0, 'x');
                INSERT INTO ServiceRequests (Id, TenantId, Number, ServiceTypeId, Channel, Priority, Subject, Status, FailedAttempts, CreatedAt, UpdatedAt, ConcurrencyStamp) VALUES
                    ('6F9619FF-8B86-D011-B42D-00C04FC964B0', 'demo', 'SR-20261101-0001', '6F9619FF-8B86-D011-B42D-00C04FC964A0', 'Phone', 1, 'a', 0, 0, 0, 0, 'x'),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964B1', 'demo', 'SR-20261101-0002', '6F9619FF-8B86-D011-B42D-00C04FC964A1', 'Phone', 1, 'b', 6, 2, 0, 0, 'x'),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964B2', 'demo', 'SR-20261101-0003', '6F9619FF-8B86-D011-B42D-00C04FC964A1', 'Phone', 1, 'c', 1, 0, 0, 0, 'x'),
                    ('6F9619FF-8B86-D011-B42D-00C04FC964B3', 'demo', 'SR-20261101-0004', '6F9619FF-8B86-D011-B42D-00C04FC964A0', 'Phone', 1, 'd', 7, 0, 0, 0, 'x');
                INSERT INTO RequestEvents (TenantId, ServiceRequestId, At, Kind, FromStatus, ToStatus, IsPublic) VALUES
                    ('demo', '6F9619FF-8B86-D011-B42D-00C04FC964B1', 0, 1, 2, 6, 1);
                """);

            await migrator.MigrateAsync();

            var requests = await context.ServiceRequests.IgnoreQueryFilters().OrderBy(r => r.Number).ToListAsync();
            Assert.Equal(["WaitingForAssignment", "Locked", "OnHold", "Cancelled"], requests.Select(r => r.Status));
            Assert.Equal([StatusCategory.New, StatusCategory.InProgress, StatusCategory.Waiting, StatusCategory.Done], requests.Select(r => r.StatusCategory));
            Assert.Equal([false, true, false, false], requests.Select(r => r.IsLocked));
            // The defaults run on their own workflow; a tenant's own type on the full closed loop.
            Assert.Equal(["RMA", "ONSITE", "ONSITE", "RMA"], requests.Select(r => r.WorkflowKey));
            Assert.All(requests, r => Assert.Equal(1, r.WorkflowVersion));
            var change = await context.RequestEvents.IgnoreQueryFilters().SingleAsync();
            Assert.Equal(("Assigned", "Locked"), (change.FromStatus, change.ToStatus));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static SqliteAppDbContext Sqlite(string connectionString = "Data Source=:memory:") =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options, new TenantContext());

    private static SqlServerAppDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=.;Database=x;Trusted_Connection=True").Options, new TenantContext());
}

using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Data;

/// <summary>SQL Server flavour of <see cref="AppDbContext"/>; owns the migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options, ITenantContext tenantContext)
    : AppDbContext(options, tenantContext);

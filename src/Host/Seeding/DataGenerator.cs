using System.Diagnostics;
using AfterSales.Host.Data;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Seeding;

/// <summary>
/// Fills the database with made-up tenants for demos and benchmarks: per tenant an admin login, product models,
/// customers with contacts and registered units. Rows go through the app's DbContext in each tenant's scope, so
/// the tenant save hook stamps them and the audit trail records them, exactly as for an import.
/// </summary>
public sealed class DataGenerator(IServiceProvider services, TimeProvider clock, ILogger<DataGenerator> logger)
{
    public async Task<IReadOnlyList<GeneratedTenant>> GenerateAsync(DataGeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Tenants);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CustomersPerTenant);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SerialsPerTenant);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        if (options.Culture is not (null or "zh-CN" or "en"))
        {
            throw new ArgumentException($"Culture '{options.Culture}' is not zh-CN or en.", nameof(options));
        }

        var identifiers = await FreeIdentifiersAsync(options, cancellationToken);
        if (options.AdminPassword is not null)
        {
            await EnsureRolesAsync(cancellationToken);
        }

        var generated = new List<GeneratedTenant>(options.Tenants);
        var stopwatch = Stopwatch.StartNew();
        long rows = 0;
        for (var i = 0; i < options.Tenants; i++)
        {
            var words = options.Culture switch
            {
                "zh-CN" => FakeVocabulary.Chinese,
                "en" => FakeVocabulary.English,
                _ => i % 3 == 2 ? FakeVocabulary.English : FakeVocabulary.Chinese,
            };
            var tenant = await GenerateTenantAsync(identifiers[i], new TenantFaker(words, options.Seed + i), options, cancellationToken);
            generated.Add(tenant);
            rows += tenant.Models + tenant.Customers + tenant.Contacts + tenant.Serials;
            if ((i + 1) % 50 == 0 || i + 1 == options.Tenants)
            {
                logger.LogInformation("Generated {Done}/{Total} tenants, {Rows} rows in {Elapsed:F0} s ({Rate:F0} rows/s)",
                    i + 1, options.Tenants, rows, stopwatch.Elapsed.TotalSeconds, rows / stopwatch.Elapsed.TotalSeconds);
            }
        }

        return generated;
    }

    private async Task<GeneratedTenant> GenerateTenantAsync(string identifier, TenantFaker faker, DataGeneratorOptions options, CancellationToken cancellationToken)
    {
        TenantInfo info;
        await using (var platform = services.CreateAsyncScope())
        {
            var store = platform.ServiceProvider.GetRequiredService<ITenantStore>();
            var tenant = faker.NewTenant(identifier);
            await store.AddAsync(tenant, cancellationToken);
            info = await store.FindByIdAsync(tenant.Id, cancellationToken) ?? throw new InvalidOperationException($"Tenant {identifier} was not stored.");
        }

        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(info);
        string? adminEmail = null;
        if (options.AdminPassword is { } password)
        {
            adminEmail = $"admin@{identifier}.example";
            await CreateAdminAsync(scope.ServiceProvider, adminEmail, password, info.DefaultCulture);
        }

        var (categories, models) = faker.Catalogue();
        var customers = faker.Customers(options.CustomersPerTenant).ToList();
        await SaveAsync(scope.ServiceProvider, categories.Concat<object>(models).Concat(customers), options.BatchSize, cancellationToken);

        // Today in the tenant's time zone, as the registry counts warranty days.
        var units = faker.Units(models, customers.Select(c => c.Id).ToList(), info.TodayFor(clock.GetUtcNow()), clock.GetUtcNow());
        await SaveAsync(scope.ServiceProvider, units.Take(options.SerialsPerTenant), options.BatchSize, cancellationToken);
        return new GeneratedTenant(identifier, info.Name, info.DefaultCulture, adminEmail, models.Count, customers.Count,
            customers.Sum(c => c.Contacts.Count), options.SerialsPerTenant);
    }

    // One context per tenant scope; each batch is one SaveChanges (one transaction, through the tenant and audit hooks),
    // then the tracker is cleared so that a million rows cost no more per row than the first thousand.
    private static async Task SaveAsync(IServiceProvider scope, IEnumerable<object> entities, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await scope.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var pending = 0;
        foreach (var entity in entities)
        {
            db.Add(entity);
            if (++pending == batchSize)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        if (pending > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<List<string>> FreeIdentifiersAsync(DataGeneratorOptions options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var taken = (await scope.ServiceProvider.GetRequiredService<ITenantStore>().GetAllAsync(cancellationToken))
            .Select(t => t.Identifier).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var prefix = options.IdentifierPrefix.Trim().ToLowerInvariant();
        var width = Math.Max(4, options.Tenants.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var free = Enumerable.Range(1, int.MaxValue - 1)
            .Select(n => prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0'))
            .Where(id => !taken.Contains(id))
            .Take(options.Tenants)
            .ToList();
        return free.All(TenantIdentifier.IsAvailableForNewTenant)
            ? free
            : throw new ArgumentException($"'{prefix}' followed by a number is not a valid tenant identifier.", nameof(options));
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.TenantRoles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static async Task CreateAdminAsync(IServiceProvider scope, string email, string password, string culture)
    {
        var users = scope.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = culture == "en" ? "Administrator" : "系统管理员" };
        var result = await users.CreateAsync(admin, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(admin, Roles.TenantAdmin);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Creating {email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

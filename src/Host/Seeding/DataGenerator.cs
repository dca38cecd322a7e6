using System.Diagnostics;
using System.Text.Json;
using AfterSales.Host.Data;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Seeding;

/// <summary>
/// Fills the database with made-up tenants for demos and benchmarks: per tenant an admin login, product models,
/// customers with contacts, registered units and, if asked for, two years of service requests. Rows go through the app's
/// DbContext in each tenant's scope, so the tenant save hook stamps them; like an import, they get one audit entry per kind
/// of record rather than one each.
/// </summary>
public sealed class DataGenerator(IServiceProvider services, TimeProvider clock, ILogger<DataGenerator> logger)
{
    public async Task<IReadOnlyList<GeneratedTenant>> GenerateAsync(DataGeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Tenants);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CustomersPerTenant);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SerialsPerTenant);
        ArgumentOutOfRangeException.ThrowIfNegative(options.RequestsPerTenant);
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
            var (tenant, written) = await GenerateTenantAsync(identifiers[i], new TenantFaker(words, options.Seed + i), options, cancellationToken);
            generated.Add(tenant);
            rows += written;
            if ((i + 1) % 50 == 0 || i + 1 == options.Tenants)
            {
                logger.LogInformation("Generated {Done}/{Total} tenants, {Rows} rows in {Elapsed:F0} s ({Rate:F0} rows/s)",
                    i + 1, options.Tenants, rows, stopwatch.Elapsed.TotalSeconds, rows / stopwatch.Elapsed.TotalSeconds);
            }
        }

        return generated;
    }

    private async Task<(GeneratedTenant Tenant, long Rows)> GenerateTenantAsync(
        string identifier, TenantFaker faker, DataGeneratorOptions options, CancellationToken cancellationToken)
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

        // Every record of the tenant is created at one time, which the audit entries standing for them carry, as an import's do.
        var now = clock.GetUtcNow();
        var (categories, models) = faker.Catalogue();
        var customers = faker.Customers(options.CustomersPerTenant).ToList();
        models.ForEach(m => m.CreatedAt = now);
        customers.ForEach(c => c.CreatedAt = now);

        // Today in the tenant's time zone, as the registry counts warranty days.
        var units = faker.Units(models, customers.Select(c => c.Id).ToList(), info.TodayFor(now), now).Take(options.SerialsPerTenant).ToList();
        await SaveAsync(scope.ServiceProvider, categories.Concat<object>(models).Concat(customers).Concat(units), options.BatchSize, cancellationToken);
        long rows = categories.Count + models.Count + models.Sum(m => m.Consumables.Count) + customers.Count
                    + customers.Sum(c => c.Contacts.Count + c.Addresses.Count) + units.Count;
        List<AuditEntry> audit =
        [
            Imported(nameof(ProductCategory), categories.Count, now),
            Imported(nameof(ProductModel), models.Count, now),
            Imported(nameof(Customer), customers.Count, now),
            Imported(nameof(SerialNumber), options.SerialsPerTenant, now),
        ];
        if (options.RequestsPerTenant > 0)
        {
            rows += await GenerateRequestsAsync(scope.ServiceProvider, faker, info, models, customers, units, options, now, cancellationToken);
            audit.Add(Imported(nameof(ServiceRequest), options.RequestsPerTenant, now));
        }

        await SaveAsync(scope.ServiceProvider, audit, options.BatchSize, cancellationToken);
        return (new GeneratedTenant(identifier, info.Name, info.DefaultCulture, adminEmail, models.Count, customers.Count,
            customers.Sum(c => c.Contacts.Count), options.SerialsPerTenant, options.RequestsPerTenant), rows + audit.Count);
    }

    // The types and the on-site form come through the app's own services, as a new tenant's first visit and its admin in the
    // designer make them; the requests, their events, field values and counters are written in batches like the units.
    private static async Task<long> GenerateRequestsAsync(
        IServiceProvider scope, TenantFaker faker, TenantInfo tenant, List<ProductModel> models, List<Customer> customers, List<SerialNumber> units,
        DataGeneratorOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var types = await scope.GetRequiredService<ServiceTypeCatalog>().ListAsync(cancellationToken: cancellationToken);
        var onSite = types.FirstOrDefault(t => t.Code == "ONSITE") ?? throw new InvalidOperationException($"Tenant {tenant.Identifier} has no ONSITE type.");
        var form = await DemoForms.PublishAsync(scope.GetRequiredService<FormBook>(), onSite.Id, DemoForms.OnSite(), DataGeneratorCommand.Name, cancellationToken);
        var dictionaries = scope.GetRequiredService<DictionaryBook>();
        var categories = new GeneratedCategories(
            (await dictionaries.ListAsync(DictionaryKind.FaultCategory, cancellationToken)).Select(e => e.Id).ToList(),
            (await dictionaries.ListAsync(DictionaryKind.ComplaintCategory, cancellationToken)).Select(e => e.Id).ToList());
        var engineers = await EngineersAsync(scope, faker, tenant, cancellationToken);
        var history = faker.Requests(tenant, types, form, models, customers, units, now, engineers, categories).Take(options.RequestsPerTenant);
        var rows = history.Requests.SelectMany(r => r.Fields.Prepend<object>(r.Created).Prepend(r.Request).Concat(r.Work))
            .Concat(history.NumberCounters).Concat(history.ServiceCounters);
        await SaveAsync(scope, rows, options.BatchSize, cancellationToken);
        return history.Requests.Sum(r => 2L + r.Fields.Count + r.Work.Count) + history.NumberCounters.Count + history.ServiceCounters.Count;
    }

    // The engineers requests are assigned to are logins of the tenant (without a password: nobody signs in as them), so the
    // reports' engineer filter and the dispatch pages know them.
    private static async Task<IReadOnlyList<GeneratedEngineer>> EngineersAsync(IServiceProvider scope, TenantFaker faker, TenantInfo tenant, CancellationToken cancellationToken)
    {
        var roles = scope.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Engineer))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Engineer));
        }

        var users = scope.GetRequiredService<UserManager<ApplicationUser>>();
        var engineers = new List<GeneratedEngineer>();
        for (var i = 1; i <= faker.EngineerCount(); i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var email = $"engineer{i}@{tenant.Identifier}.example";
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = faker.PersonName() };
            var result = await users.CreateAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, Roles.Engineer);
            }

            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Creating {email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            engineers.Add(new GeneratedEngineer(user.Id, user.DisplayName));
        }

        return engineers;
    }

    // The records are written like an import's, without an audit entry each (a million of them would bury the trail and
    // double the writes): one entry per kind of record says they were generated, and a unit's history finds it by time.
    private static AuditEntry Imported(string entityType, int rows, DateTimeOffset at) => new()
    {
        EntityType = entityType,
        EntityKey = DataGeneratorCommand.Name,
        Action = AuditAction.Imported,
        At = at,
        Changes = JsonSerializer.Serialize(new Dictionary<string, object?[]> { ["File"] = [null, DataGeneratorCommand.Name], ["Rows"] = [null, rows] }),
    };

    // One context per tenant scope; each batch is one SaveChanges (one transaction, through the tenant hook),
    // then the tracker is cleared so that a million rows cost no more per row than the first thousand.
    private static async Task SaveAsync(IServiceProvider scope, IEnumerable<object> entities, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await scope.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AuditEachChange = false;
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

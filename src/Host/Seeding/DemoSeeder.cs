using AfterSales.Host.Data;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Administration.ApiClients;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Seeding;

/// <summary>
/// Development demo data, as PRODUCT.md promises: the platform operator, tenants demo and acme with a user
/// per role and an API client each. Runs only on a database without tenants, so it never touches real data.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, ILogger<DemoSeeder> logger)
{
    public const string Password = "Demo@12345";

    private static readonly (string Role, string Prefix, string NameEn)[] Staff =
    [
        (Roles.TenantAdmin, "admin", "Administrator"),
        (Roles.Manager, "manager", "Service manager"),
        (Roles.Dispatcher, "dispatcher", "Dispatcher"),
        (Roles.Agent, "agent", "Agent"),
        (Roles.Engineer, "engineer", "Engineer"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Tenants.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
            {
                return;
            }

            // The roles exist already: PlatformBootstrap creates them before the seed runs.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await CreateUserAsync(users, "operator@aftersales.example", "Platform operator", Roles.PlatformOperator);

            var store = scope.ServiceProvider.GetRequiredService<ITenantStore>();
            await store.AddAsync(new Tenant
            {
                Identifier = "demo",
                DisplayName = "演示电器服务有限公司",
                DefaultCulture = "zh-CN",
                TimeZone = "Asia/Shanghai",
                Branding = new TenantBranding
                {
                    PrimaryColor = "#1e6fd9", PortalTitle = "演示电器 客户服务中心",
                    WelcomeText = "欢迎来到演示电器客户服务中心：查询保修、自助排障、在线报修。",
                    ContactPhone = "400-800-1234", ContactEmail = "service@demo.example", ContactAddress = "上海市浦东新区演示路 88 号", ContactHours = "周一至周六 8:30–18:00",
                },
            }, cancellationToken);
            await store.AddAsync(new Tenant
            {
                Identifier = "acme",
                DisplayName = "Acme Equipment Ltd.",
                DefaultCulture = "en",
                TimeZone = "Europe/London",
                Branding = new TenantBranding
                {
                    PrimaryColor = "#c2410c", PortalTitle = "Acme Service Portal",
                    WelcomeText = "Welcome to Acme service: check your warranty, find answers and report a fault online.",
                    ContactPhone = "+44 20 7946 0000", ContactEmail = "service@acme.example", ContactAddress = "1 Acme Way, London", ContactHours = "Mon–Fri 9:00–17:30",
                },
            }, cancellationToken);
        }

        foreach (var identifier in new[] { "demo", "acme" })
        {
            await SeedTenantAsync(identifier, cancellationToken);
        }

        logger.LogInformation(
            "Demo data seeded. Platform operator: operator@aftersales.example; staff: {{admin,manager,dispatcher,agent,engineer}}@{{demo,acme}}.example; password {Password}; API clients demo-erp/demo-erp-secret and acme-erp/acme-erp-secret.",
            Password);
    }

    private async Task SeedTenantAsync(string identifier, CancellationToken cancellationToken)
    {
        TenantInfo tenant;
        await using (var lookup = services.CreateAsyncScope())
        {
            tenant = await lookup.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdentifierAsync(identifier, cancellationToken)
                     ?? throw new InvalidOperationException($"Tenant {identifier} was not created.");
        }

        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (role, prefix, name) in Staff)
        {
            await CreateUserAsync(users, $"{prefix}@{identifier}.example", name, role);
        }

        await scope.ServiceProvider.GetRequiredService<ApiClientService>()
            .CreateAsync("ERP", $"{identifier}-erp", $"{identifier}-erp-secret", cancellationToken);

        var customers = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();
        foreach (var customer in identifier == "demo" ? DemoCustomers.Chinese() : DemoCustomers.English())
        {
            var result = await customers.CreateAsync(customer, cancellationToken);
            if (result.Status != CustomerSaveStatus.Saved)
            {
                throw new InvalidOperationException($"Seeding customer {customer.Code} failed: {result.Status}");
            }
        }

        var chinese = identifier == "demo";
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();
        var categories = new Dictionary<string, Guid>();
        foreach (var (category, code, name, months, consumables) in DemoProducts.Models(chinese))
        {
            if (!categories.TryGetValue(category, out var categoryId))
            {
                categoryId = categories[category] = (await catalog.SaveCategoryAsync(null, category, categories.Count * 10, cancellationToken)).Id!.Value;
            }

            var saved = await catalog.CreateAsync(new ModelInput
            {
                Code = code,
                Name = name,
                CategoryId = categoryId,
                DefaultWarrantyMonths = months,
                Consumables = consumables.Select(c => new ModelInput.ConsumableInput { Name = c.Name, LifetimeDays = c.Days }).ToList(),
            }, cancellationToken);
            if (saved.Status != CatalogSaveStatus.Saved)
            {
                throw new InvalidOperationException($"Seeding model {code} failed: {saved.Status}");
            }
        }

        var parts = scope.ServiceProvider.GetRequiredService<SparePartCatalog>();
        foreach (var part in DemoProducts.Parts(chinese))
        {
            await parts.SaveAsync(null, part, null, cancellationToken);
        }

        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        foreach (var unit in DemoProducts.Units(chinese, registry.Today))
        {
            var result = await registry.RegisterAsync(unit, cancellationToken);
            if (result.Status != SerialSaveStatus.Saved)
            {
                throw new InvalidOperationException($"Seeding serial {unit.Number} failed: {result.Status}");
            }
        }

        if (chinese)
        {
            var owner = await customers.FindByCodeAsync("C1001", cancellationToken) ?? throw new InvalidOperationException("Demo customer C1001 missing.");
            await scope.ServiceProvider.GetRequiredService<AgreementBook>().CreateAsync(owner.Id, new AgreementInput
            {
                Number = "SA-2026-001",
                Title = "全年维保协议",
                StartDate = registry.Today.AddMonths(-2),
                EndDate = registry.Today.AddMonths(10),
                ResponseHours = 4,
                ServiceItems = "每季度巡检一次；故障 4 小时响应、24 小时到场",
                ChargingTerms = "人工免费，备件按成本价",
            }, cancellationToken);
        }

        await DemoForms.SeedAsync(scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Forms.FormBook>(), scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>(),
            cancellationToken);
        await DemoRequests.SeedAsync(scope.ServiceProvider.GetRequiredService<RequestDesk>(), scope.ServiceProvider.GetRequiredService<RequestWorkflow>(),
            scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>(),
            chinese, cancellationToken);
        await DemoKnowledge.SeedAsync(scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Knowledge.KnowledgeBase>(), chinese, cancellationToken);
    }

    private static async Task CreateUserAsync(UserManager<ApplicationUser> users, string email, string displayName, string role)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, Password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

using System.Globalization;
using AfterSales.Host.Data;
using AfterSales.Host.Seeding;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The demo and benchmark data generator: valid data, stamped with its tenant, warranty by the app's rules.</summary>
public sealed class DataGeneratorShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task FillEachTenantWithItsOwnValidData()
    {
        var tenants = await GenerateAsync(new DataGeneratorOptions { Tenants = 3, CustomersPerTenant = 15, SerialsPerTenant = 400, IdentifierPrefix = "fill" });

        Assert.Equal(["fill0001", "fill0002", "fill0003"], tenants.Select(t => t.Identifier));
        Assert.Equal(["zh-CN", "zh-CN", "en"], tenants.Select(t => t.Culture));
        foreach (var generated in tenants)
        {
            var tenant = await factory.TenantAsync(generated.Identifier);
            await using var scope = await factory.TenantScopeAsync(generated.Identifier);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var units = await db.SerialNumbers.IgnoreQueryFilters().Include(s => s.Model).Where(s => s.TenantId == tenant.Id).ToListAsync();
            var models = await db.ProductModels.IgnoreQueryFilters().Include(m => m.Category).Include(m => m.Consumables).Where(m => m.TenantId == tenant.Id).ToListAsync();
            var customers = await db.Customers.IgnoreQueryFilters().Include(c => c.Contacts).Include(c => c.Addresses).Where(c => c.TenantId == tenant.Id).ToListAsync();

            Assert.Equal(400, units.Count);
            Assert.Equal(400, units.Select(u => u.Number).Distinct().Count());
            Assert.All(units, u => Assert.True(u.Number == SerialRegistry.Normalize(u.Number) && SerialRegistry.IsValidNumber(u.Number), u.Number));
            Assert.All(units, u => Assert.Equal(tenant.Id, u.Model!.TenantId));
            Assert.Equal(generated.Models, models.Count);
            Assert.All(models, m => Assert.Empty(CatalogRules.Validate(ModelInput.From(m))));
            Assert.All(models, m => Assert.Equal(tenant.Id, m.Category!.TenantId));
            Assert.All(models.SelectMany(m => m.Consumables), c => Assert.Equal(tenant.Id, c.TenantId));
            AssertWarrantyByTheRules(units, tenant.TodayFor(TimeProvider.System.GetUtcNow()));
            Assert.Equal(15, customers.Count);
            Assert.All(customers, c => Assert.Empty(CustomerRules.Validate(CustomerInput.From(c))));
            Assert.All(customers.SelectMany(c => c.Contacts), k => Assert.Equal(tenant.Id, k.TenantId));
            Assert.All(customers.SelectMany(c => c.Addresses), a => Assert.Equal(tenant.Id, a.TenantId));
            Assert.Equal(tenant.DefaultCulture == "zh-CN", customers.All(c => c.Name.Any(IsChinese)));
            Assert.All(units.Where(u => u.CustomerId is not null), u => Assert.Contains(customers, c => c.Id == u.CustomerId));

            // What the app's own pages ask: the leaving-warranty list, the lookup, and a unit's history, which finds its
            // registration in the one audit entry that stands for the generated units, as for an imported file.
            var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
            Assert.True((await registry.SearchAsync(new SerialQuery(ExpiringWithinDays: 30))).Total > 0);
            Assert.NotNull(await registry.FindAsync(units[0].Number.ToLowerInvariant()));
            var registered = Assert.Single(await registry.HistoryAsync(units[0].Id), e => e.Kind == UnitEventKind.Registered);
            Assert.Equal(DataGeneratorCommand.Name, registered.Detail);
            var audit = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.TenantId == tenant.Id).ToListAsync();
            Assert.Equal(["Customer", "ProductCategory", "ProductModel", "SerialNumber"], audit.Select(e => e.EntityType).Order());
            Assert.All(audit, e => Assert.Equal(AuditAction.Imported, e.Action));

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = await users.FindByNameAsync(generated.AdminEmail!);
            Assert.NotNull(admin);
            Assert.Equal(tenant.Id, admin.TenantId);
            Assert.True(await users.CheckPasswordAsync(admin, DemoSeeder.Password));
            Assert.True(await users.IsInRoleAsync(admin, Roles.TenantAdmin));
        }
    }

    [Fact]
    public async Task TakeOnlyFreeIdentifiersAndRepeatItsDataForTheSameSeed()
    {
        var options = new DataGeneratorOptions { Tenants = 1, CustomersPerTenant = 5, SerialsPerTenant = 50, IdentifierPrefix = "again", AdminPassword = null, Culture = "en" };

        var first = await GenerateAsync(options);
        var second = await GenerateAsync(options);

        Assert.Equal("again0001", Assert.Single(first).Identifier);
        Assert.Equal("again0002", Assert.Single(second).Identifier);
        Assert.Null(first[0].AdminEmail);
        Assert.Equal(first[0].Name, second[0].Name);
        Assert.Equal(await NumbersAsync("again0001"), await NumbersAsync("again0002"));
    }

    [Fact]
    public async Task GenerateRequestsTheDeskFiltersByCustomFieldAndNumbersOn()
    {
        var tenants = await GenerateAsync(new DataGeneratorOptions
        {
            Tenants = 2, CustomersPerTenant = 10, SerialsPerTenant = 40, RequestsPerTenant = 300, IdentifierPrefix = "desk", AdminPassword = null,
        });

        var wall = new FieldFilter("mounting", FieldKind.SingleSelect, "wall");
        foreach (var generated in tenants)
        {
            var tenant = await factory.TenantAsync(generated.Identifier);
            await using var scope = await factory.TenantScopeAsync(generated.Identifier);
            var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var requests = await db.ServiceRequests.Include(r => r.ServiceType).ToListAsync();
            var events = await db.RequestEvents.ToListAsync();
            var counters = await db.RequestNumberCounters.ToListAsync();
            var onSite = Assert.Single(await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync(), t => t.Code == "ONSITE");
            var form = await scope.ServiceProvider.GetRequiredService<FormBook>().PublishedAsync(FormKeys.ForServiceType(onSite.Id));

            Assert.Equal(300, generated.Requests);
            Assert.Equal(300, requests.Count);
            Assert.All(requests, r => Assert.Equal(tenant.Id, r.TenantId));
            Assert.Equal(requests.Count, requests.Select(r => r.Number).Distinct().Count());
            Assert.All(requests, r => Assert.Matches("^SR-[0-9]{8}-[0-9]{4}$", r.Number));
            Assert.Equal(requests.Select(r => r.Id).Order(), events.Where(e => e.Kind == RequestEventKind.Created).Select(e => e.ServiceRequestId).Order());
            // Each day's counter is where its numbers stopped, and numbers follow the order the requests came in.
            foreach (var day in requests.GroupBy(r => r.Number[3..11]))
            {
                var counter = Assert.Single(counters, c => c.Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) == day.Key);
                Assert.Equal(day.Count(), counter.Last);
                Assert.Equal(day.OrderBy(r => r.Number).Select(r => r.Id), day.OrderBy(r => r.CreatedAt).Select(r => r.Id));
            }

            Assert.Equal(requests.Count, counters.Sum(c => c.Last));
            Assert.All(requests, r => Assert.Equal(r.ServiceType!.Code == "ONSITE" ? form.VersionId : null, r.FormVersionId));
            Assert.Contains(requests, r => r.Status == RequestStatuses.Closed);
            Assert.Contains(requests, r => r.IsOpen);
            Assert.All(requests, r => Assert.Equal((r.ServiceType!.WorkflowKey, 1), (r.WorkflowKey, r.WorkflowVersion)));
            Assert.Equal(requests.Where(r => r.Status == RequestStatuses.Locked).Select(r => r.Id), requests.Where(r => r.IsLocked).Select(r => r.Id));

            // A generated request has no workflow instance yet: the engine adopts it where it stands.
            var waiting = requests.First(r => r.Status == RequestStatuses.WaitingForAssignment);
            var adopted = (await scope.ServiceProvider.GetRequiredService<RequestWorkflow>()
                .StateAsync(waiting.Id, new RequestActor("d", "Dispatcher", new HashSet<string> { Roles.Dispatcher })))!;
            Assert.Equal(RequestStatuses.WaitingForAssignment, adopted.Instance.Status);
            Assert.Contains(adopted.Transitions, t => t.To == RequestStatuses.Assigned);

            // The list filters on the generated field values the way it does on the desk's own.
            var page = await desk.SearchAsync(new RequestQuery(Status: RequestStatuses.Closed, Fields: [wall], Take: 20));
            var expected = new List<Guid>();
            foreach (var r in requests.Where(r => r.Status == RequestStatuses.Closed && r.FormVersionId is not null))
            {
                if ((await desk.FieldsAsync((await desk.GetAsync(r.Number))!)).Values.GetValueOrDefault("mounting") == "wall")
                {
                    expected.Add(r.Id);
                }
            }

            Assert.Equal(expected.Count, page.Total);
            Assert.InRange(page.Items.Count, 1, 20);
            Assert.All(page.Items, r => Assert.Equal(("ONSITE", RequestStatuses.Closed), (r.TypeCode, r.Status)));
            Assert.Equal(page.Items.OrderByDescending(r => r.CreatedAt).Select(r => r.Id), page.Items.Select(r => r.Id));

            // The newest generated request is of today, so the desk's next number continues today's counter.
            var today = tenant.TodayFor(TimeProvider.System.GetUtcNow());
            var last = Assert.Single(counters, c => c.Day == today).Last;
            var saved = await desk.CreateAsync(new RequestInput
            {
                ServiceTypeId = onSite.Id, ContactPhone = "13800138000", Subject = "Noisy", CustomFields = new() { ["mounting"] = "wall", ["floor_no"] = "3" },
            }, new RequestActor(null, "Agent", new HashSet<string> { Roles.Agent }));

            Assert.Equal(RequestSaveStatus.Saved, saved.Status);
            Assert.Equal($"SR-{today:yyyyMMdd}-{last + 1:D4}", saved.Number);
            Assert.Equal(expected.Count, (await desk.SearchAsync(new RequestQuery(Status: RequestStatuses.Closed, Fields: [wall]))).Total);
            Assert.Contains(saved.Number, (await desk.SearchAsync(new RequestQuery(Fields: [wall], Take: 1))).Items.Select(r => r.Number));
        }
    }

    private static void AssertWarrantyByTheRules(IReadOnlyList<SerialNumber> units, DateOnly today)
    {
        foreach (var unit in units)
        {
            var months = unit.Model!.DefaultWarrantyMonths;
            var byRule = new SerialNumber { PurchaseDate = unit.PurchaseDate };
            byRule.ApplyWarranty(months, null, null);
            Assert.Equal(byRule.WarrantyStart, unit.WarrantyStart);
            if (unit.PurchaseDate is { } bought)
            {
                Assert.True(unit.ProductionDate <= bought && bought <= today, unit.Number);
                // A few units are sold with a year of extended warranty: a registration that gives its own end.
                Assert.True(unit.WarrantyEnd == byRule.WarrantyEnd || unit.WarrantyEnd == bought.AddMonths(months + 12).AddDays(-1), unit.Number);
            }
            else
            {
                Assert.Null(unit.WarrantyEnd);
                Assert.Null(unit.CustomerId);
            }
        }

        var states = units.Select(u => u.WarrantyOn(today)).ToList();
        Assert.Contains(states, w => w.State == WarrantyState.InWarranty && w.DaysLeft <= 30);
        Assert.Contains(states, w => w.State == WarrantyState.InWarranty && w.DaysLeft > 30);
        Assert.Contains(states, w => w.State == WarrantyState.Expired);
        Assert.Contains(states, w => w.State == WarrantyState.Unknown);
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    private async Task<IReadOnlyList<GeneratedTenant>> GenerateAsync(DataGeneratorOptions options) =>
        await ActivatorUtilities.CreateInstance<DataGenerator>(factory.Services).GenerateAsync(options);

    private async Task<List<string>> NumbersAsync(string identifier)
    {
        await using var scope = await factory.TenantScopeAsync(identifier);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SerialNumbers.OrderBy(s => s.Number).Select(s => s.Number).ToListAsync();
    }
}

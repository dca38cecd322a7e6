using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Products;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Categories, models with consumables and spare parts: rules, edit conflicts and tenant isolation.</summary>
public sealed class CatalogShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SeedEachDemoModelWithItsCategoryAndConsumables()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();

        var page = await catalog.SearchAsync(new ModelQuery("JS"));
        var model = await catalog.GetAsync(page.Items.Single().Id);

        Assert.Equal("净水", model!.Category!.Name);
        Assert.Equal(["PP 棉滤芯", "RO 反渗透膜"], model.Consumables.Select(c => c.Name).Order());
        Assert.Equal(3, page.Items.Single().UnitCount);
    }

    [Fact]
    public async Task KeepCategoryNamesUniqueAndRefuseToDeleteOneInUse()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();

        var created = await catalog.SaveCategoryAsync(null, "  Valves ", 30);
        var twice = await catalog.SaveCategoryAsync(null, "Valves", 40);
        var blank = await catalog.SaveCategoryAsync(null, " ", 0);
        var pumps = (await catalog.CategoriesAsync()).Single(c => c.Name == "Pumps");
        var inUse = await catalog.DeleteCategoryAsync(pumps.Id);
        var renamed = await catalog.SaveCategoryAsync(created.Id, "Valves & fittings", 5);
        var deleted = await catalog.DeleteCategoryAsync(created.Id!.Value);

        Assert.Equal(CatalogSaveStatus.Saved, created.Status);
        Assert.Equal("Validation.CategoryNameTaken", twice.Errors!["Name"]);
        Assert.Equal("Validation.CategoryNameRequired", blank.Errors!["Name"]);
        Assert.Equal(new CatalogDeleteResult(CatalogDeleteStatus.InUse, 1), inUse);
        Assert.Equal(CatalogSaveStatus.Saved, renamed.Status);
        Assert.Equal(CatalogDeleteStatus.Deleted, deleted.Status);
        Assert.DoesNotContain(await catalog.CategoriesAsync(), c => c.Name.StartsWith("Valves", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeAModelWithItsConsumablesAndRefuseAStaleEdit()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();
        var created = await catalog.CreateAsync(new ModelInput
        {
            Code = "FL-2", Name = "Filter line", DefaultWarrantyMonths = 12,
            Consumables = [new() { Name = "Cartridge", LifetimeDays = 90 }],
        });
        var loaded = ModelInput.From((await catalog.GetAsync(created.Id!.Value))!);

        loaded.Name = "Filter line FL-2";
        loaded.Consumables.Add(new() { Name = "Gasket", LifetimeDays = 365 });
        var updated = await catalog.UpdateAsync(created.Id.Value, loaded, created.ConcurrencyStamp!);
        var stale = await catalog.UpdateAsync(created.Id.Value, loaded, created.ConcurrencyStamp!);
        var model = await catalog.GetAsync(created.Id.Value);

        Assert.Equal(CatalogSaveStatus.Saved, updated.Status);
        Assert.Equal(CatalogSaveStatus.Conflict, stale.Status);
        Assert.Equal("Filter line FL-2", model!.Name);
        Assert.Equal([("Cartridge", 90), ("Gasket", 365)], model.Consumables.OrderBy(c => c.Name).Select(c => (c.Name, c.LifetimeDays)));
    }

    [Fact]
    public async Task NameTheConsumableRowThatIsWrong()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();

        var result = await catalog.CreateAsync(new ModelInput
        {
            Code = "FL-3", Name = "Filter line 3",
            Consumables = [new() { Name = "Cartridge", LifetimeDays = 90 }, new() { Name = "cartridge", LifetimeDays = 0 }, new() { Name = "", LifetimeDays = 30 }],
        });

        Assert.Equal(CatalogSaveStatus.Invalid, result.Status);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Consumables[1].Name"] = "Validation.ConsumableNameRepeated",
            ["Consumables[1].LifetimeDays"] = "Validation.LifetimeDays",
            ["Consumables[2].Name"] = "Validation.ConsumableNameRequired",
        }, result.Errors);
        Assert.Empty((await catalog.SearchAsync(new ModelQuery("FL-3"))).Items);
    }

    [Fact]
    public async Task RefuseToDeleteAModelWithRegisteredUnits()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();
        var px100 = (await catalog.SearchAsync(new ModelQuery("PX-100"))).Items.Single();
        var unused = await catalog.CreateAsync(new ModelInput { Code = "TMP-1", Name = "Temporary" });

        var inUse = await catalog.DeleteAsync(px100.Id);
        var deleted = await catalog.DeleteAsync(unused.Id!.Value);

        Assert.Equal(new CatalogDeleteResult(CatalogDeleteStatus.InUse, 2), inUse);
        Assert.Equal(CatalogDeleteStatus.Deleted, deleted.Status);
        Assert.Null(await catalog.GetAsync(unused.Id.Value));
    }

    [Fact]
    public async Task NotLetOneTenantTouchAnotherTenantsCatalogue()
    {
        Guid demoModel, demoCategory, demoPart;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var catalog = demo.ServiceProvider.GetRequiredService<ProductCatalog>();
            demoModel = (await catalog.SearchAsync(new ModelQuery("KT-35"))).Items.Single().Id;
            demoCategory = (await catalog.CategoriesAsync()).First().Id;
            demoPart = (await demo.ServiceProvider.GetRequiredService<SparePartCatalog>().SearchAsync(new PartQuery("P-KT-COMP"))).Items.Single().Id;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeCatalog = acme.ServiceProvider.GetRequiredService<ProductCatalog>();
        var parts = acme.ServiceProvider.GetRequiredService<SparePartCatalog>();

        Assert.Null(await acmeCatalog.GetAsync(demoModel));
        Assert.Equal(CatalogSaveStatus.NotFound, (await acmeCatalog.UpdateAsync(demoModel, new ModelInput { Code = "X", Name = "X" }, "")).Status);
        Assert.Equal(CatalogDeleteStatus.NotFound, (await acmeCatalog.DeleteAsync(demoModel)).Status);
        Assert.Equal(CatalogDeleteStatus.NotFound, (await acmeCatalog.DeleteCategoryAsync(demoCategory)).Status);
        Assert.Equal(CatalogSaveStatus.NotFound, (await acmeCatalog.SaveCategoryAsync(demoCategory, "Taken over", 0)).Status);
        Assert.Equal("Validation.CategoryUnknown",
            (await acmeCatalog.CreateAsync(new ModelInput { Code = "AC-X", Name = "With a foreign category", CategoryId = demoCategory })).Errors!["CategoryId"]);
        Assert.Null(await parts.GetAsync(demoPart));
        Assert.False(await parts.DeleteAsync(demoPart));
        Assert.Equal(CatalogSaveStatus.NotFound, (await parts.SaveAsync(demoPart, new PartInput { Code = "X", Name = "X" }, "")).Status);
        Assert.DoesNotContain((await parts.SearchAsync(new PartQuery())).Items, p => p.Code.StartsWith("P-KT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShowAnotherTenantsModelPageAsNotFound()
    {
        Guid demoModel;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            demoModel = (await demo.ServiceProvider.GetRequiredService<ProductCatalog>().SearchAsync(new ModelQuery("KT-35"))).Items.Single().Id;
        }

        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/acme", "agent@acme.example");
        var (foreign, _) = await browser.GetPageAsync($"/t/acme/products/models/{demoModel}");
        var (parts, html) = await browser.GetPageAsync("/t/acme/products/parts");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, parts.StatusCode);
        Assert.Contains("Spare parts", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepPartNumbersUniqueAndPricesInCents()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var parts = scope.ServiceProvider.GetRequiredService<SparePartCatalog>();

        var created = await parts.SaveAsync(null, new PartInput { Code = "P-VALVE", Name = "Check valve", Unit = "pc", Price = 12.5m }, null);
        var twice = await parts.SaveAsync(null, new PartInput { Code = "P-VALVE", Name = "Copy", Price = 1m }, null);
        var bad = await parts.SaveAsync(null, new PartInput { Code = "", Name = "", Price = -0.001m }, null);
        var retired = await parts.SaveAsync(created.Id, new PartInput { Code = "P-VALVE", Name = "Check valve", Price = 13m, IsActive = false }, created.ConcurrencyStamp);
        var stale = await parts.SaveAsync(created.Id, new PartInput { Code = "P-VALVE", Name = "Check valve", Price = 14m }, created.ConcurrencyStamp);

        Assert.Equal(CatalogSaveStatus.Saved, created.Status);
        Assert.Equal("Validation.PartCodeTaken", twice.Errors!["Code"]);
        Assert.Equal(["Code", "Name", "Price"], bad.Errors!.Keys.Order());
        Assert.Equal(CatalogSaveStatus.Saved, retired.Status);
        Assert.Equal(CatalogSaveStatus.Conflict, stale.Status);
        Assert.Equal(13m, (await parts.GetAsync(created.Id!.Value))!.Price);
        Assert.Contains((await parts.SearchAsync(new PartQuery("valve"))).Items, p => p.Code == "P-VALVE");
        Assert.DoesNotContain((await parts.SearchAsync(new PartQuery("valve", IncludeInactive: false))).Items, p => p.Code == "P-VALVE");
    }
}

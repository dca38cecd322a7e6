using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Products;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The serial-number registry and warranty look-up through the API and the registry.</summary>
public sealed class SerialsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnswerAWarrantyLookUpByItsSerialNumberInAnyCase()
    {
        var client = await ClientAsync("demo-erp", "demo-erp-secret");

        using var unit = JsonDocument.Parse(await (await client.GetAsync("/api/v1/serials/kt35-2024-0001")).TextAsync());
        using var warranty = JsonDocument.Parse(await (await client.GetAsync("/api/v1/serials/KT35-2024-0001/warranty")).TextAsync());

        Assert.Equal("KT-35", unit.RootElement.GetProperty("modelCode").GetString());
        Assert.Equal("C1001", unit.RootElement.GetProperty("customerCode").GetString());
        Assert.Equal("InWarranty", warranty.RootElement.GetProperty("state").GetString());
        Assert.True(warranty.RootElement.GetProperty("daysLeft").GetInt32() > 600);
    }

    [Fact]
    public async Task AnswerAnotherTenantsSerialNumberWith404()
    {
        var demo = await ClientAsync("demo-erp", "demo-erp-secret");
        var acme = await ClientAsync("acme-erp", "acme-erp-secret");

        Assert.Equal(HttpStatusCode.NotFound, (await demo.GetAsync("/api/v1/serials/PX100-A001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demo.GetAsync("/api/v1/serials/PX100-A001/warranty")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync("/api/v1/serials/PX100-A001")).StatusCode);
    }

    [Fact]
    public async Task RegisterAUnitWithWarrantyFromItsModelAndRefuseItTwice()
    {
        var client = await ClientAsync("acme-erp", "acme-erp-secret");
        var body = new { number = "cx7-new-001", modelCode = "CX-7", customerCode = "AC-504", purchaseDate = "2026-01-15" };

        var created = await client.PostAsJsonAsync("/api/v1/serials", body);
        var again = await client.PostAsJsonAsync("/api/v1/serials", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.TextAsync());
        Assert.Equal("CX7-NEW-001", json.RootElement.GetProperty("number").GetString());
        Assert.Equal("2027-01-14", json.RootElement.GetProperty("warranty").GetProperty("end").GetString());
        Http.AssertProblem(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ExplainEveryProblemOfARegistration()
    {
        var client = await ClientAsync("demo-erp", "demo-erp-secret");

        var response = await client.PostAsJsonAsync("/api/v1/serials", new
        {
            number = "has space",
            modelCode = "NO-SUCH-MODEL",
            customerCode = "AC-501",
            productionDate = "2026-05-01",
            purchaseDate = "2026-04-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.TextAsync());
        var errors = json.RootElement.GetProperty("errors");
        foreach (var field in new[] { "Number", "ModelCode", "CustomerCode", "PurchaseDate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task ListUnitsLeavingWarrantySoonestFirst()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();

        var expiring = await registry.SearchAsync(new SerialQuery(ExpiringWithinDays: 30));

        // The demo seed dates three units to end within 10–16 days of today, whatever today is.
        Assert.Equal(["JS90-0001", "KT35-2024-0002", "RS200-0001"], expiring.Items.Select(u => u.Number).Order());
        Assert.All(expiring.Items, u => Assert.InRange(u.DaysLeft!.Value, 1, 30));
        Assert.Equal(expiring.Items.OrderBy(u => u.WarrantyEnd).Select(u => u.Number), expiring.Items.Select(u => u.Number));
        Assert.Equal(3, await registry.CountExpiringAsync(30));
    }

    [Fact]
    public async Task ShowTheOwnerOfEachUnit()
    {
        await using var scope = await factory.TenantScopeAsync("demo");

        var page = await scope.ServiceProvider.GetRequiredService<SerialRegistry>().SearchAsync(new SerialQuery("RS200"));

        Assert.Equal(3, page.Total);
        Assert.Contains(page.Items, u => u.Number == "RS200-0001" && u.CustomerName == "南粤食品机械厂");
    }

    [Fact]
    public async Task ExtendAWarrantyAndKeepItsHistory()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var unit = (await registry.FindAsync("RS200-0002"))!;
        var newEnd = unit.Warranty.End!.Value.AddYears(2);

        var first = await registry.ExtendAsync(unit.Number, unit.Warranty.End, newEnd, "延保合同 EW-2026-01", 680m);
        var stale = await registry.ExtendAsync(unit.Number, unit.Warranty.End, newEnd.AddYears(1), "second desk", null);
        var after = (await registry.FindAsync(unit.Number))!;
        var history = await registry.ExtensionsAsync(unit.Id);

        Assert.Equal(ExtendStatus.Saved, first.Status);
        Assert.Equal(ExtendStatus.Conflict, stale.Status);
        Assert.Equal(newEnd, after.Warranty.End);
        Assert.Equal(unit.Warranty.Start, after.Warranty.Start);
        var entry = Assert.Single(history);
        Assert.Equal(unit.Warranty.End, entry.PreviousEnd);
        Assert.Equal(680m, entry.Fee);
    }

    [Fact]
    public async Task RenewAnExpiredWarrantyFromToday()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var unit = (await registry.FindAsync("JS90-0002"))!;
        Assert.Equal(WarrantyState.Expired, unit.Warranty.State);

        var result = await registry.ExtendAsync(unit.Number, unit.Warranty.End, registry.Today.AddYears(1), "续保", 199m);
        var after = (await registry.FindAsync(unit.Number))!;

        Assert.Equal(ExtendStatus.Saved, result.Status);
        Assert.Equal(WarrantyState.InWarranty, after.Warranty.State);
        Assert.Equal(registry.Today, after.Warranty.Start);
    }

    [Theory]
    [InlineData("", 1, "Validation.ReasonRequired")]
    [InlineData("reason", -400, "Validation.NewEndTooEarly")]
    public async Task RefuseAnExtensionWithoutReasonOrIntoThePast(string reason, int daysFromNow, string error)
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var unit = (await registry.FindAsync("KT35-2023-0107"))!;

        var result = await registry.ExtendAsync(unit.Number, unit.Warranty.End, registry.Today.AddDays(daysFromNow), reason, null);

        Assert.Equal(ExtendStatus.Invalid, result.Status);
        Assert.Equal(error, result.ErrorKey);
        Assert.Empty(await registry.ExtensionsAsync(unit.Id));
    }

    [Fact]
    public async Task NotExtendAnotherTenantsUnit()
    {
        await using var scope = await factory.TenantScopeAsync("demo");

        var result = await scope.ServiceProvider.GetRequiredService<SerialRegistry>().ExtendAsync("PX100-A002", null, new DateOnly(2030, 1, 1), "takeover", null);

        Assert.Equal(ExtendStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task KeepEachTenantsProductModelsToItself()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var models = await scope.ServiceProvider.GetRequiredService<ProductCatalog>().ListAsync();
        var withAcmeModel = await scope.ServiceProvider.GetRequiredService<SerialRegistry>()
            .RegisterAsync(new SerialInput { Number = "X-ACME-MODEL", ModelCode = "PX-100" });

        Assert.Equal(["JS-90", "KT-35", "RS-200"], models.Select(m => m.Code));
        Assert.Equal(["Validation.ModelUnknown"], withAcmeModel.Errors!["ModelCode"]);
    }

    [Fact]
    public async Task CreateAModelOnceAndExplainBadInput()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();

        var created = await catalog.CreateAsync(new ModelInput { Code = "FX-9", Name = "Filter unit FX-9", DefaultWarrantyMonths = 6 });
        var again = await catalog.CreateAsync(new ModelInput { Code = "FX-9", Name = "Copy", DefaultWarrantyMonths = 6 });
        var bad = await catalog.CreateAsync(new ModelInput { Code = "", Name = "", DefaultWarrantyMonths = 500 });

        Assert.Equal(CatalogSaveStatus.Saved, created.Status);
        Assert.Equal("Validation.ModelCodeTaken", again.Errors!["Code"]);
        Assert.Equal(["Code", "DefaultWarrantyMonths", "Name"], bad.Errors!.Keys.Order());
    }

    private async Task<HttpClient> ClientAsync(string clientId, string secret)
    {
        var client = factory.CreateCookielessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(clientId, secret));
        return client;
    }
}

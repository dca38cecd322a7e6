using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Correcting and deleting registered units, their history, agreements edits and customers' other addresses and purchases.</summary>
public sealed class UnitRecordsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task CorrectARegistrationAndWorkTheWarrantyOutAgain()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var saved = await registry.RegisterAsync(new SerialInput { Number = "FIX-0001", ModelCode = "CX-7", PurchaseDate = new DateOnly(2026, 1, 10) });
        var edit = (await registry.GetForEditAsync(saved.Id!.Value))!;

        edit.Input.Number = "fix-0001-b";
        edit.Input.ModelCode = "PX-100";
        edit.Input.CustomerCode = "AC-501";
        edit.Input.WarrantyStart = null;
        edit.Input.WarrantyEnd = null;
        var corrected = await registry.UpdateAsync(edit.Id, edit.Input, edit.ConcurrencyStamp);
        var stale = await registry.UpdateAsync(edit.Id, edit.Input, edit.ConcurrencyStamp);
        var unit = (await registry.FindAsync("FIX-0001-B"))!;

        Assert.Equal(SerialSaveStatus.Saved, corrected.Status);
        Assert.Equal(SerialSaveStatus.Conflict, stale.Status);
        Assert.Null(await registry.FindAsync("FIX-0001"));
        Assert.Equal(("PX-100", "AC-501"), (unit.ModelCode, unit.CustomerCode));
        // PX-100 carries 24 months from the purchase date.
        Assert.Equal(new DateOnly(2028, 1, 9), unit.Warranty.End);
    }

    [Fact]
    public async Task RefuseToRenumberAUnitOntoAnotherOrToTakeBadInput()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var saved = await registry.RegisterAsync(new SerialInput { Number = "FIX-0002", ModelCode = "CX-7" });
        var edit = (await registry.GetForEditAsync(saved.Id!.Value))!;

        edit.Input.Number = "PX100-A001";
        var taken = await registry.UpdateAsync(edit.Id, edit.Input, edit.ConcurrencyStamp);
        edit.Input.Number = "FIX-0002";
        edit.Input.ModelCode = "NOPE";
        edit.Input.CustomerCode = "NOBODY";
        var invalid = await registry.UpdateAsync(edit.Id, edit.Input, edit.ConcurrencyStamp);

        Assert.Equal(SerialSaveStatus.Duplicate, taken.Status);
        Assert.Equal(["CustomerCode", "ModelCode"], invalid.Errors!.Keys.Order());
        Assert.Equal("CX-7", (await registry.FindAsync("FIX-0002"))!.ModelCode);
    }

    [Fact]
    public async Task KeepAnExtendedWarrantyAndItsUnit()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var saved = await registry.RegisterAsync(new SerialInput { Number = "FIX-0003", ModelCode = "CX-7", PurchaseDate = registry.Today.AddMonths(-2) });
        var before = (await registry.FindAsync("FIX-0003"))!.Warranty.End!.Value;
        await registry.ExtendAsync("FIX-0003", before, before.AddYears(2), "Extended-warranty contract", 300m);
        var edit = (await registry.GetForEditAsync(saved.Id!.Value))!;

        edit.Input.Batch = "B-2";
        edit.Input.WarrantyEnd = before;
        var corrected = await registry.UpdateAsync(edit.Id, edit.Input, edit.ConcurrencyStamp);
        var deleted = await registry.DeleteAsync(edit.Id);
        var history = await registry.HistoryAsync(edit.Id);

        Assert.True(edit.Extended);
        Assert.Equal(SerialSaveStatus.Saved, corrected.Status);
        Assert.Equal(before.AddYears(2), (await registry.FindAsync("FIX-0003"))!.Warranty.End);
        Assert.Equal(new CatalogDeleteResult(CatalogDeleteStatus.InUse, 1), deleted);
        Assert.Equal([UnitEventKind.Changed, UnitEventKind.Extended, UnitEventKind.Registered], history.Select(e => e.Kind));
        Assert.Equal(["Batch"], history[0].Fields);
        Assert.Contains("Extended-warranty contract", history[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAUnitRegisteredByMistakeButNotAnotherTenantsUnit()
    {
        Guid demoUnit;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            demoUnit = (await demo.ServiceProvider.GetRequiredService<SerialRegistry>().FindAsync("JS90-0003"))!.Id;
        }

        await using var scope = await factory.TenantScopeAsync("acme");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var saved = await registry.RegisterAsync(new SerialInput { Number = "FIX-0004", ModelCode = "CX-7" });

        Assert.Equal(CatalogDeleteStatus.NotFound, (await registry.DeleteAsync(demoUnit)).Status);
        Assert.Null(await registry.GetForEditAsync(demoUnit));
        Assert.Equal(SerialSaveStatus.NotFound, (await registry.UpdateAsync(demoUnit, new SerialInput { Number = "X", ModelCode = "CX-7" }, "")).Status);
        Assert.Empty(await registry.HistoryAsync(demoUnit));
        Assert.Equal(CatalogDeleteStatus.Deleted, (await registry.DeleteAsync(saved.Id!.Value)).Status);
        Assert.Null(await registry.FindAsync("FIX-0004"));
    }

    [Fact]
    public async Task ChangeAndDeleteAnAgreementOnlyWithinItsTenant()
    {
        Guid customerId, agreementId;
        string stamp;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var book = demo.ServiceProvider.GetRequiredService<AgreementBook>();
            customerId = (await demo.ServiceProvider.GetRequiredService<CustomerDirectory>().FindByCodeAsync("C1003"))!.Id;
            var today = demo.ServiceProvider.GetRequiredService<SerialRegistry>().Today;
            Assert.Empty((await book.CreateAsync(customerId, new AgreementInput { Number = "SA-ED-1", Title = "保养", StartDate = today, EndDate = today.AddYears(1) }))!);
            var agreement = (await book.ForCustomerAsync(customerId)).Single(a => a.Number == "SA-ED-1");
            (agreementId, stamp) = (agreement.Id, agreement.ConcurrencyStamp);
        }

        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var book = acme.ServiceProvider.GetRequiredService<AgreementBook>();
            Assert.Null(await book.GetAsync(agreementId));
            Assert.Equal(AgreementSaveStatus.NotFound, (await book.UpdateAsync(agreementId, new AgreementInput { Number = "X", Title = "X" }, stamp)).Status);
            Assert.False(await book.DeleteAsync(agreementId));
        }

        await using var scope = await factory.TenantScopeAsync("demo");
        var demoBook = scope.ServiceProvider.GetRequiredService<AgreementBook>();
        var input = AgreementInput.From((await demoBook.GetAsync(agreementId))!);
        input.ResponseHours = 8;
        input.CoversAllUnits = false;
        input.SerialNumbers = "rs200-0001";
        var changed = await demoBook.UpdateAsync(agreementId, input, stamp);
        var stale = await demoBook.UpdateAsync(agreementId, input, stamp);
        input.Number = "SA-2026-001";
        var renumbered = await demoBook.UpdateAsync(agreementId, input, (await demoBook.GetAsync(agreementId))!.ConcurrencyStamp);
        var saved = (await demoBook.GetAsync(agreementId))!;

        Assert.Equal(AgreementSaveStatus.Saved, changed.Status);
        Assert.Equal(AgreementSaveStatus.Conflict, stale.Status);
        Assert.Equal(["Agreement.NumberTaken"], renumbered.Problems);
        Assert.Equal((8, false, "RS200-0001"), (saved.ResponseHours!.Value, saved.CoversAllUnits, saved.Units.Single().SerialNumber));
        Assert.True(await demoBook.DeleteAsync(agreementId));
        Assert.DoesNotContain(await demoBook.ForCustomerAsync(customerId), a => a.Id == agreementId);
    }

    [Fact]
    public async Task KeepACustomersOtherAddressesAndExplainBadOnes()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var directory = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();
        var seeded = (await directory.GetAsync((await directory.FindByCodeAsync("C1001"))!.Id))!;
        var input = new CustomerInput
        {
            Code = "ADDR-1", Name = "多地址客户",
            Addresses =
            [
                new() { Label = "一号工厂", Address = "杭州市 滨江区 1 号" },
                new() { Label = "一号工厂", Address = "", Phone = "call" },
            ],
        };

        var invalid = await directory.CreateAsync(input);
        input.Addresses.RemoveAt(1);
        var created = await directory.CreateAsync(input);
        var customer = (await directory.GetAsync(created.Id!.Value))!;

        Assert.Equal("二号工厂", seeded.Addresses.Single().Label);
        Assert.Equal(["Addresses[1].Address", "Addresses[1].Label", "Addresses[1].Phone"], invalid.Errors!.Keys.Order());
        Assert.Equal("Validation.AddressLabelRepeated", invalid.Errors["Addresses[1].Label"].Single());
        Assert.Equal(CustomerSaveStatus.Saved, created.Status);
        Assert.Equal("杭州市 滨江区 1 号", customer.Addresses.Single().Address);
    }

    [Fact]
    public async Task ListWhatACustomerBoughtByDateAndModel()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var directory = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();
        var buyer = await directory.CreateAsync(new CustomerInput { Code = "BUY-1", Name = "Buyer" });
        var day = new DateOnly(2026, 3, 1);
        foreach (var (number, model, bought) in new[] { ("BUY-A1", "PX-100", day), ("BUY-A2", "PX-100", day), ("BUY-A3", "CX-7", day), ("BUY-A4", "PX-100", day.AddMonths(2)) })
        {
            await registry.RegisterAsync(new SerialInput { Number = number, ModelCode = model, CustomerCode = "BUY-1", PurchaseDate = bought });
        }

        var purchases = await registry.PurchasesAsync(buyer.Id!.Value);

        Assert.Equal(
            [new PurchaseRecord(day.AddMonths(2), "PX-100", "Pump PX-100", 1), new PurchaseRecord(day, "CX-7", "Compressor CX-7", 1), new PurchaseRecord(day, "PX-100", "Pump PX-100", 2)],
            purchases);
    }

    [Fact]
    public async Task FilterCustomersByTheirLevelAndRegion()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var directory = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();

        var facets = await directory.FacetsAsync();
        var vipInEast = await directory.SearchAsync(new CustomerQuery(Level: "VIP", Region: "华东", Take: 50));

        Assert.Equal(["A", "B", "VIP"], facets.Levels);
        Assert.Contains("华东", facets.Regions);
        Assert.Equal(["C1001"], vipInEast.Items.Select(c => c.Code));
    }
}

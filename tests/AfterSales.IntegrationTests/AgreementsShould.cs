using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Service agreements: validation, coverage of all or listed units, shown with the warranty, per tenant.</summary>
public sealed class AgreementsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task CoverAllOfTheCustomersUnitsWhileInForce()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AgreementBook>();
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var unit = (await registry.FindAsync("KT35-2024-0001"))!;

        var today = await book.CoverageAsync(unit.CustomerId!.Value, unit.Number, registry.Today);
        var afterEnd = await book.CoverageAsync(unit.CustomerId!.Value, unit.Number, registry.Today.AddYears(2));

        Assert.Equal("SA-2026-001", today?.Number);
        Assert.Equal(4, today?.ResponseHours);
        Assert.Null(afterEnd);
    }

    [Fact]
    public async Task CoverOnlyListedUnitsThatTheCustomerOwns()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AgreementBook>();
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var customerId = (await registry.FindAsync("RS200-0001"))!.CustomerId!.Value;
        AgreementInput Input(string number, string units) => new()
        {
            Number = number, Title = "热水器保养", StartDate = registry.Today, EndDate = registry.Today.AddYears(1), CoversAllUnits = false, SerialNumbers = units,
        };

        var foreignUnit = await book.CreateAsync(customerId, Input("SA-X1", "rs200-0001, KT35-2024-0001"));
        var created = await book.CreateAsync(customerId, Input("SA-X2", "rs200-0001"));
        var duplicate = await book.CreateAsync(customerId, Input("SA-X2", "rs200-0001"));

        Assert.Equal(["Agreement.UnitsUnknown"], foreignUnit);
        Assert.Empty(created!);
        Assert.Equal(["Agreement.NumberTaken"], duplicate);
        Assert.Equal("SA-X2", (await book.CoverageAsync(customerId, "RS200-0001", registry.Today))?.Number);
    }

    [Fact]
    public async Task RefuseAnAgreementForAnotherTenantsCustomer()
    {
        Guid acmeCustomer;
        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            acmeCustomer = (await acme.ServiceProvider.GetRequiredService<CustomerDirectory>().FindByCodeAsync("AC-501"))!.Id;
        }

        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AgreementBook>();

        var result = await book.CreateAsync(acmeCustomer, new AgreementInput { Number = "SA-T", Title = "t", StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 12, 31) });

        Assert.Null(result);
        Assert.Empty(await book.ForCustomerAsync(acmeCustomer));
    }

    [Fact]
    public async Task ExplainAnInvalidAgreement()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var customerId = (await scope.ServiceProvider.GetRequiredService<CustomerDirectory>().FindByCodeAsync("C1002"))!.Id;

        var problems = await scope.ServiceProvider.GetRequiredService<AgreementBook>().CreateAsync(customerId, new AgreementInput
        {
            Number = "", Title = "", StartDate = new DateOnly(2026, 5, 1), EndDate = new DateOnly(2026, 4, 1), ResponseHours = 0, CoversAllUnits = false,
        });

        Assert.Equal(["Agreement.NumberRequired", "Agreement.TitleRequired", "Agreement.PeriodInvalid", "Agreement.ResponseHoursInvalid", "Agreement.UnitsRequired"], problems);
    }
}

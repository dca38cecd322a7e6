using AfterSales.Modules.Products;

namespace AfterSales.IntegrationTests;

/// <summary>The warranty rules of a unit (pure, no host).</summary>
public sealed class WarrantyShould
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2025-11-24", "2026-11-23", WarrantyState.InWarranty, 1)]
    [InlineData("2025-11-23", "2026-11-22", WarrantyState.Expired, 0)]
    [InlineData("2026-11-23", "2027-11-22", WarrantyState.InWarranty, 365)]
    [InlineData("2026-12-01", "2027-11-30", WarrantyState.NotStarted, 365)]
    public void CountTheEndDateAsTheLastCoveredDay(string start, string end, WarrantyState state, int daysLeft)
    {
        var warranty = Warranty.Evaluate(DateOnly.Parse(start), DateOnly.Parse(end), Today);

        Assert.Equal(state, warranty.State);
        Assert.Equal(daysLeft, warranty.DaysLeft);
    }

    [Fact]
    public void BeUnknownWithoutDates() => Assert.Equal(WarrantyState.Unknown, Warranty.Evaluate(null, null, Today).State);

    [Fact]
    public void RunFromThePurchaseDateForTheModelsMonths()
    {
        var unit = new SerialNumber { PurchaseDate = new DateOnly(2024, 2, 29) };

        unit.ApplyWarranty(12, null, null);

        Assert.Equal(new DateOnly(2024, 2, 29), unit.WarrantyStart);
        Assert.Equal(new DateOnly(2025, 2, 27), unit.WarrantyEnd);
    }

    [Fact]
    public void KeepDatesTheRegistrationGives()
    {
        var unit = new SerialNumber { PurchaseDate = new DateOnly(2025, 1, 10) };

        unit.ApplyWarranty(12, new DateOnly(2025, 2, 1), new DateOnly(2028, 1, 31));

        Assert.Equal(new DateOnly(2025, 2, 1), unit.WarrantyStart);
        Assert.Equal(new DateOnly(2028, 1, 31), unit.WarrantyEnd);
    }

    [Fact]
    public void HaveNoPeriodForAUnitSoldWithoutADate()
    {
        var unit = new SerialNumber();

        unit.ApplyWarranty(24, null, null);

        Assert.Null(unit.WarrantyStart);
        Assert.Null(unit.WarrantyEnd);
    }
}

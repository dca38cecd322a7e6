using AfterSales.Modules.Administration.Settings;
using AfterSales.Tenancy;

namespace AfterSales.Modules.Tests.Administration;

/// <summary>The portal's contact details: what the settings page lets a tenant admin publish to customers.</summary>
public sealed class BrandingRulesShould
{
    [Theory]
    [InlineData("400-800-1234", "service@demo.example", "上海市浦东新区演示路 88 号", "周一至周六 8:30–18:00", true)]
    [InlineData(null, null, null, null, true)]
    [InlineData("400-800-1234", "not an address", null, null, false)]
    public void AcceptContactDetailsWithAValidEmailOnly(string? phone, string? email, string? address, string? hours, bool acceptable) =>
        Assert.Equal(acceptable, BrandingRules.IsAcceptableContact(phone, email, address, hours));

    [Fact]
    public void RefuseAContactDetailLongerThanItsColumn() =>
        Assert.False(BrandingRules.IsAcceptableContact(null, null, new string('x', TenantBranding.ContactLength + 1), null));

    [Theory]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    [InlineData("  9:00–18:00 ", "9:00–18:00")]
    public void StoreNothingForAnEmptyField(string? typed, string? stored) => Assert.Equal(stored, BrandingRules.Optional(typed));
}

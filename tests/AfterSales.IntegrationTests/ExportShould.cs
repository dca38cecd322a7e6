using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace AfterSales.IntegrationTests;

/// <summary>Lists downloaded as .xlsx with the page's filter, in the user's language, within the user's tenant.</summary>
public sealed class ExportShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ExportTheFilteredCustomersOfTheTenantOnly()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "engineer@demo.example");

        var response = await browser.GetAsync("/t/demo/customers/export.xlsx?search=%E5%8D%8E%E4%B8%9C");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = (await RowsAsync(response)).ToList();
        Assert.Contains(rows, r => (string)r["客户编号"] == "C1001");
        Assert.All(rows, r => Assert.StartsWith("C", (string)r["客户编号"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportUnitsLeavingWarrantyWithHeadersEvenWhenEmpty()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "agent@demo.example");

        var expiring = (await RowsAsync(await browser.GetAsync("/t/demo/serials/export.xlsx?expiring=30"))).ToList();
        var none = await browser.GetAsync("/t/demo/serials/export.xlsx?search=NO-SUCH-UNIT");
        using var stream = new MemoryStream(await none.Content.ReadAsByteArrayAsync());
        var headerRow = (IDictionary<string, object>)MiniExcel.Query(stream).Single();

        Assert.Equal(3, expiring.Count);
        Assert.All(expiring, r => Assert.InRange(Convert.ToInt32(r["剩余保修天数"], System.Globalization.CultureInfo.InvariantCulture), 1, 30));
        Assert.Contains("序列号", headerRow.Values);
    }

    [Fact]
    public async Task ExportTheCatalogueAsFiltered()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "engineer@demo.example");

        var models = (await RowsAsync(await browser.GetAsync("/t/demo/products/models/export.xlsx?search=JS"))).ToList();
        var parts = (await RowsAsync(await browser.GetAsync("/t/demo/products/parts/export.xlsx?search=P-JS&activeOnly=true"))).ToList();

        Assert.Equal("JS-90", (string)models.Single()["型号编码"]);
        Assert.Equal("净水", (string)models.Single()["分类"]);
        Assert.Equal(["P-JS-PP", "P-JS-RO"], parts.Select(r => (string)r["备件编码"]));
        Assert.Equal(260m, Convert.ToDecimal(parts[1]["单价"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RequireASignedInUserOfTheTenant()
    {
        var anonymous = await factory.CreateBrowser().GetAsync("/t/demo/customers/export.xlsx");
        var acmeUser = factory.CreateBrowser();
        await acmeUser.LoginAsync("/t/acme", "admin@acme.example");
        var crossTenant = await acmeUser.GetAsync("/t/demo/customers/export.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, crossTenant.StatusCode);
    }

    [Fact]
    public async Task OfferAnImportTemplateWhoseHeadersTheImportReads()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "dispatcher@demo.example");

        var response = await browser.GetAsync("/t/demo/serials/import-template.xlsx");
        var content = await response.Content.ReadAsByteArrayAsync();
        await using var scope = await factory.TenantScopeAsync("demo");
        var preview = await scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Products.SerialImport>().CheckAsync(content, "template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(preview.FileError);
        Assert.Equal(["Validation.ModelUnknown"], Assert.Single(preview.Rows).Problems.Select(e => e.Key));
    }

    private static async Task<IEnumerable<IDictionary<string, object>>> RowsAsync(HttpResponseMessage response)
    {
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }
}

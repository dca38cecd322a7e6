using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Customers;

/// <summary><c>GET /customers/export.xlsx?search=&amp;kind=&amp;level=&amp;region=</c>: the customer list as filtered on the page.</summary>
internal static class CustomersExport
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/customers/export.xlsx", ExportAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(
        string? search, CustomerKind? kind, string? level, string? region, CustomerDirectory directory, IStringLocalizer<CustomerText> text, CancellationToken cancellationToken)
    {
        var page = await directory.ExportAsync(new CustomerQuery(search, kind, Level: level, Region: region), cancellationToken);
        return await ExcelExport.FileAsync(page.Items,
        [
            (text["Customer.Code"], r => r.Code),
            (text["Customer.Name"], r => r.Name),
            (text["Customer.Kind"], r => text["Kind." + r.Kind].Value),
            (text["Customer.Level"], r => r.Level),
            (text["Customer.Region"], r => r.Region),
            (text["Customer.Contact"], r => r.Contact),
            (text["Customer.Phone"], r => r.Phone),
            (text["Customers.CreatedAt"], r => r.CreatedAt),
        ], "customers", cancellationToken);
    }
}

using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Customers;

/// <summary><c>GET /customers/export.xlsx?search=&amp;kind=&amp;level=&amp;region=&amp;cf.key=</c>: the customer list as filtered on the page, with its custom fields.</summary>
internal static class CustomersExport
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/customers/export.xlsx", ExportAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(
        string? search, CustomerKind? kind, string? level, string? region, CustomerDirectory directory, AfterSales.Modules.Forms.FormBook forms,
        IStringLocalizer<CustomerText> text, HttpContext context, CancellationToken cancellationToken)
    {
        var fields = await forms.FieldsEverPublishedAsync([AfterSales.Modules.Forms.FormKeys.Customer], cancellationToken);
        var filters = AfterSales.Modules.Forms.FieldFilter.FromQuery(context.Request.Query, fields);
        var page = await directory.ExportAsync(new CustomerQuery(search, kind, Level: level, Region: region, Fields: filters), cancellationToken);
        var values = fields.Count == 0 ? [] : await directory.CustomFieldsAsync(page.Items.Select(r => r.Id).ToList(), cancellationToken);
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
            .. AfterSales.Modules.Forms.CustomFieldColumns.Of<CustomerRow>(fields, values, r => r.Id),
        ], "customers", cancellationToken);
    }
}

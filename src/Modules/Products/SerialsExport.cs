using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Products;

/// <summary><c>GET /serials/export.xlsx?search=&amp;expiring=&amp;cf.key=</c>: the serial-number list as filtered on the page, with its custom fields.</summary>
internal static class SerialsExport
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/serials/export.xlsx", ExportAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(
        string? search, int? expiring, SerialRegistry registry, AfterSales.Modules.Forms.FormBook forms, IStringLocalizer<ProductText> text, HttpContext context,
        CancellationToken cancellationToken)
    {
        var fields = await forms.FieldsEverPublishedAsync([AfterSales.Modules.Forms.FormKeys.SerialNumber], cancellationToken);
        var filters = AfterSales.Modules.Forms.FieldFilter.FromQuery(context.Request.Query, fields);
        var page = await registry.ExportAsync(new SerialQuery(search, ExpiringWithinDays: expiring, Fields: filters), cancellationToken);
        var values = fields.Count == 0 ? [] : await registry.CustomFieldsAsync(page.Items.Select(r => r.Id).ToList(), cancellationToken);
        return await ExcelExport.FileAsync(page.Items,
        [
            (text["Serial.Number"], r => r.Number),
            (text["Model.Code"], r => r.ModelCode),
            (text["Serial.Model"], r => r.ModelName),
            (text["Serial.CustomerCode"], r => r.CustomerCode),
            (text["Serial.Customer"], r => r.CustomerName),
            (text["Serial.PurchaseDate"], r => r.PurchaseDate),
            (text["Serial.WarrantyEnd"], r => r.WarrantyEnd),
            (text["Warranty.DaysLeftHeader"], r => r.Warranty == WarrantyState.InWarranty ? r.DaysLeft : null),
            .. AfterSales.Modules.Forms.CustomFieldColumns.Of<SerialRow>(fields, values, r => r.Id),
        ], "serial-numbers", cancellationToken);
    }
}

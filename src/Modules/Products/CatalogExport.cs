using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Products;

/// <summary>The model and spare-part lists as .xlsx, filtered like the pages.</summary>
internal static class CatalogExport
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/products/models/export.xlsx", ModelsAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        app.MapGet("/products/parts/export.xlsx", PartsAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
    }

    private static async Task<IResult> ModelsAsync(
        string? search, Guid? category, ProductCatalog catalog, IStringLocalizer<ProductText> text, CancellationToken cancellationToken)
    {
        var page = await catalog.ExportAsync(new ModelQuery(search, category), cancellationToken);
        return await ExcelExport.FileAsync(page.Items,
        [
            (text["Model.Code"], r => r.Code),
            (text["Model.Name"], r => r.Name),
            (text["Model.Category"], r => r.Category),
            (text["Model.WarrantyMonths"], r => r.DefaultWarrantyMonths),
            (text["Model.Consumables"], r => r.ConsumableCount),
            (text["Model.Units"], r => r.UnitCount),
        ], "product-models", cancellationToken);
    }

    private static async Task<IResult> PartsAsync(
        string? search, bool? activeOnly, SparePartCatalog parts, IStringLocalizer<ProductText> text, CancellationToken cancellationToken)
    {
        var page = await parts.ExportAsync(new PartQuery(search, activeOnly != true), cancellationToken);
        return await ExcelExport.FileAsync(page.Items,
        [
            (text["Part.Code"], r => r.Code),
            (text["Part.Name"], r => r.Name),
            (text["Part.Specification"], r => r.Specification),
            (text["Part.Unit"], r => r.Unit),
            (text["Part.Price"], r => r.Price),
            (text["Part.Status"], r => r.IsActive ? text["Part.Active"].Value : text["Part.Inactive"].Value),
        ], "spare-parts", cancellationToken);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Modules.Products;

/// <summary>Product models, the serial-number registry and warranty: pages under /products, /serials, /warranty; API under /api/v1/serials.</summary>
public static class ProductsModule
{
    public static IServiceCollection AddProductsModule(this IServiceCollection services)
    {
        services.AddScoped<ProductCatalog>();
        services.AddScoped<SparePartCatalog>();
        services.AddScoped<SerialRegistry>();
        services.AddScoped<SerialImport>();
        services.TryAddScoped<ImportWriter>();
        services.AddScoped<ICustomerUnits>(sp => sp.GetRequiredService<SerialRegistry>());
        return services;
    }

    /// <summary>Endpoints of the staff UI that are not pages (downloads).</summary>
    public static IEndpointRouteBuilder MapProductsDownloads(this IEndpointRouteBuilder app)
    {
        SerialsExport.Map(app);
        CatalogExport.Map(app);
        SerialImportTemplate.Map(app);
        return app;
    }

    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        SerialsApi.Map(api.MapGroup("/serials").WithTags("Serial numbers"));
        return api;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Modules.Customers;

/// <summary>Customers and their contacts: pages under /customers, API under /api/v1/customers.</summary>
public static class CustomersModule
{
    public static IServiceCollection AddCustomersModule(this IServiceCollection services)
    {
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<CustomerImport>();
        services.TryAddScoped<ImportWriter>();
        services.AddScoped<AgreementBook>();
        return services;
    }

    /// <summary>Endpoints of the staff UI that are not pages (downloads).</summary>
    public static IEndpointRouteBuilder MapCustomersDownloads(this IEndpointRouteBuilder app)
    {
        CustomersExport.Map(app);
        CustomerImportTemplate.Map(app);
        return app;
    }

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        CustomersApi.Map(api.MapGroup("/customers").WithTags("Customers"));
        return api;
    }
}

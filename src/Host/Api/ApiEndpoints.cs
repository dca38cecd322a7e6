using AfterSales.Modules.Billing;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;

namespace AfterSales.Host.Api;

public static class ApiEndpoints
{
    /// <summary>The REST API: <c>/api/v1</c>, bearer tokens of the request's own tenant only.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(Policies.ApiClient).WithTags("v1").MeterApiCalls();
        v1.MapMe();
        v1.MapCustomersApi();
        v1.MapProductsApi();
        v1.MapServiceApi();
        return app;
    }
}

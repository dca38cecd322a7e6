using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Service;

/// <summary>Service types and service requests: pages under /requests and /admin/service-types.</summary>
public static class ServiceModule
{
    public static IServiceCollection AddServiceModule(this IServiceCollection services)
    {
        services.AddScoped<ServiceTypeCatalog>();
        services.AddScoped<RequestDesk>();
        services.AddScoped<DictionaryBook>();
        // The workflow engine replaces this registration once tenants draw their own flows.
        services.AddSingleton<IRequestFlow, DefaultRequestFlow>();
        return services;
    }

    public static RouteGroupBuilder MapServiceApi(this RouteGroupBuilder api)
    {
        ServiceRequestsApi.Map(api);
        return api;
    }
}

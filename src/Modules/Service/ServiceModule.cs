using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
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
        services.AddScoped<RequestAttachments>();
        services.AddScoped<SavedFilters>();
        services.AddScoped<RequestActionRunner>();
        services.AddSingleton(sp => AttachmentLimits.From(sp.GetRequiredService<IConfiguration>()));
        // The workflow engine replaces this registration once tenants draw their own flows.
        services.AddSingleton<IRequestFlow, DefaultRequestFlow>();
        return services;
    }

    /// <summary>Endpoints of the staff UI that are not pages (attachment downloads, the list's export).</summary>
    public static IEndpointRouteBuilder MapServiceDownloads(this IEndpointRouteBuilder app)
    {
        AttachmentDownload.Map(app);
        RequestsExport.Map(app);
        return app;
    }

    public static RouteGroupBuilder MapServiceApi(this RouteGroupBuilder api)
    {
        ServiceRequestsApi.Map(api);
        RequestAttachmentsApi.Map(api);
        return api;
    }
}

using AfterSales.Modules.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Parts;

/// <summary>Spare-part requests: the "Parts" panel on the request page, the list at /parts and their lines on the request's timeline.</summary>
public static class PartsModule
{
    public static IServiceCollection AddPartsModule(this IServiceCollection services)
    {
        services.AddScoped<PartDesk>();
        services.AddScoped<IRequestEventText, PartTimeline>();
        services.AddSingleton(new RequestPagePart(typeof(PartsPanel), RequestPartPlacement.Section));
        return services;
    }
}

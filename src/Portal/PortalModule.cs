using AfterSales.Modules.Knowledge;
using AfterSales.Portal.Public;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Portal;

/// <summary>The tenant-branded customer portal (/portal): home, warranty lookup, public knowledge base, contact.</summary>
public static class PortalModule
{
    public static IServiceCollection AddPortalModule(this IServiceCollection services)
    {
        services.AddScoped<WarrantyLookup>();
        // Registered here, not in KnowledgeModule: the public view of the knowledge base exists for the portal.
        services.AddScoped<PublicKnowledge>();
        services.AddSingleton<PortalLimits>();
        return services;
    }
}

using AfterSales.Modules.Customers;
using AfterSales.Modules.Knowledge;
using AfterSales.Portal.Accounts;
using AfterSales.Portal.Public;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Portal;

/// <summary>The tenant-branded customer portal (/portal): public pages, customer accounts and their OpenID Connect sign-in.</summary>
public static class PortalModule
{
    public static IServiceCollection AddPortalModule(this IServiceCollection services)
    {
        services.AddScoped<WarrantyLookup>();
        // Registered here, not in KnowledgeModule: the public view of the knowledge base exists for the portal.
        services.AddScoped<PublicKnowledge>();
        services.AddSingleton<PortalLimits>();
        services.AddScoped<IPasswordHasher<PortalAccount>, PasswordHasher<PortalAccount>>();
        services.AddScoped<PortalAccounts>();
        services.AddScoped<PortalClients>();
        services.AddScoped<AfterSales.Portal.Requests.PortalRequests>();
        services.AddSingleton<AfterSales.Portal.Requests.PortalUploads>();
        services.AddScoped<IPortalInvitations, PortalInvitations>();
        services.AddHostedService<PortalClientsStartup>();
        services.AddHttpClient(PortalSignIn.BackchannelClient);
        services.AddPortalAuthentication();
        return services;
    }
}

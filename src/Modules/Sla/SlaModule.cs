using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Sla;

/// <summary>The tenant's SLA targets and business calendar: the page under /admin/sla.</summary>
public static class SlaModule
{
    public static IServiceCollection AddSlaModule(this IServiceCollection services)
    {
        services.AddSingleton<SlaCache>();
        services.AddScoped<SlaBook>();
        return services;
    }
}

using AfterSales.Modules.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Rma;

/// <summary>Return to factory: carriers (/admin/carriers) and the shipments of a request with their tracking links.</summary>
public static class RmaModule
{
    public static IServiceCollection AddRmaModule(this IServiceCollection services)
    {
        services.AddScoped<CarrierBook>();
        services.AddScoped<ReturnsToFactory>();
        services.AddScoped<IStepFieldOptions>(sp => sp.GetRequiredService<CarrierBook>());
        services.AddScoped<ITransitionFormObserver, ShipmentRecorder>();
        services.AddScoped<ITransitionFormObserver, JudgementRecorder>();
        return services;
    }
}

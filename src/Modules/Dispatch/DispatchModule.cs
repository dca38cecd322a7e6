using AfterSales.Modules.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Dispatch;

/// <summary>Assignment rules (/admin/assignment-rules) and the workflow's "assign by rules".</summary>
public static class DispatchModule
{
    public static IServiceCollection AddDispatchModule(this IServiceCollection services)
    {
        services.AddScoped<AssignmentRules>();
        services.AddScoped<IRequestActionHandler, RulesAssignment>();
        return services;
    }
}

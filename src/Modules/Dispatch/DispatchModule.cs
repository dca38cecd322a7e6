using AfterSales.Modules.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// Dispatch: engineer profiles (/admin/engineers), assignment rules (/admin/assignment-rules), the dispatch board (/dispatch),
/// the workflow's "assign by rules", and on the request page "assign by rules" and "decline".
/// </summary>
public static class DispatchModule
{
    public static IServiceCollection AddDispatchModule(this IServiceCollection services)
    {
        services.AddScoped<AssignmentDecider>();
        services.AddScoped<AssignmentRules>();
        services.AddScoped<EngineerProfiles>();
        services.AddScoped<DispatchBoard>();
        services.AddScoped<RequestDeclines>();
        services.AddScoped<IRequestActionHandler, RulesAssignment>();
        services.AddSingleton(new RequestPagePart(typeof(RequestDispatchActions)));
        return services;
    }
}

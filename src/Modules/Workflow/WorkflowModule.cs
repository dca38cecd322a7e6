using AfterSales.Workflows.Runtime;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Workflow;

/// <summary>The tenant's workflows: versions, the engine, and the timers' poll.</summary>
public static class WorkflowModule
{
    public static IServiceCollection AddWorkflowModule(this IServiceCollection services)
    {
        services.AddSingleton<PublishedWorkflows>();
        services.AddSingleton(sp => new WorkflowEngine(sp.GetService<TimeProvider>()));
        services.AddScoped<WorkflowBook>();
        return services;
    }

    /// <summary>Endpoints of the workflow pages that are not pages (export of a version).</summary>
    public static IEndpointRouteBuilder MapWorkflowDownloads(this IEndpointRouteBuilder app)
    {
        WorkflowExport.Map(app);
        return app;
    }
}

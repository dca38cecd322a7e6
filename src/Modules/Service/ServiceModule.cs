using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Service;

/// <summary>Service types and service requests: pages under /requests and /admin/service-types.</summary>
public static class ServiceModule
{
    public static IServiceCollection AddServiceModule(this IServiceCollection services)
    {
        services.AddScoped<ServiceTypeCatalog>();
        services.AddScoped<RequestDesk>();
        services.AddScoped<ITransitionFormObserver, CategoryRecorder>();
        services.AddSingleton<InProcessRequestChangeFeed>();
        // Replicas share the database, which carries each one's timeline events to the others (RequestChanges:PollSeconds).
        services.AddSingleton<ReplicatedRequestChangeFeed>();
        services.AddSingleton<IRequestChangeFeed>(sp => sp.GetRequiredService<ReplicatedRequestChangeFeed>());
        services.AddSingleton<RequestChangeBackplane>();
        services.AddHostedService<RequestChangeBackplaneService>();
        services.AddSingleton<RequestChangeInterceptor>();
        services.AddScoped<DictionaryBook>();
        services.AddScoped<RequestAttachments>();
        services.AddScoped<SavedFilters>();
        services.AddScoped<RequestActionRunner>();
        services.AddSingleton(sp => AttachmentLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<RequestWorkflow>();
        services.AddScoped<TransitionForm>();
        services.AddScoped<IRequestActionHandler, RoleAssignment>();
        services.AddSingleton<WorkflowTimerPoll>();
        return services;
    }

    /// <summary>
    /// Polls for due workflow timers every <c>Workflow:TimerPollSeconds</c> (15 by default; 0 turns the poll off, as tests that
    /// drive <see cref="WorkflowTimerPoll"/> themselves do).
    /// </summary>
    public static IServiceCollection AddWorkflowTimers(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("Workflow:TimerPollSeconds", 15);
        services.AddPoll<WorkflowTimersJob>(WorkflowTimersJob.Key, seconds);
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

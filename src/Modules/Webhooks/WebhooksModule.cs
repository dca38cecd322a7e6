using AfterSales.Modules.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Webhooks;

/// <summary>Tenant webhooks: endpoints and their delivery log under /admin/webhooks, and the poll that posts deliveries.</summary>
public static class WebhooksModule
{
    public static IServiceCollection AddWebhooksModule(this IServiceCollection services, IConfiguration configuration)
    {
        // A receiver that hangs must not hold the poll: ten seconds, then the delivery is retried later.
        var allowPrivateNetworks = configuration.GetValue(WebhookAddresses.AllowPrivateNetworksKey, false);
        services.AddHttpClient(WebhookPoll.ClientName, client => client.Timeout = WebhookPoll.CallTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookAddresses.Handler(allowPrivateNetworks));
        services.AddSingleton<WebhookPoll>();
        services.AddScoped<WebhookBook>();
        services.AddScoped<AfterSales.Modules.Shared.IGroupRobots, GroupRobots>();
        services.AddScoped<IRequestActionHandler, WebhookHandler>();
        var seconds = configuration.GetValue("Webhooks:PollSeconds", 10);
        services.AddPoll<WebhookJob>(WebhookJob.Key, seconds);

        return services;
    }
}

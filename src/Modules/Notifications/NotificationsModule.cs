using AfterSales.Modules.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Notifications;

/// <summary>Staff notifications: the bell, /notifications, templates and the delivery log under /admin/notifications.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<OutboxPoll>();
        services.AddScoped<StaffInbox>();
        services.AddScoped<NotificationBook>();
        services.AddScoped<IRequestActionHandler, NotifyHandler>();

        // Every 10 s by default; 0 turns the poll off, as tests that drive OutboxPoll themselves do.
        var seconds = configuration.GetValue("Notifications:PollSeconds", 10);
        services.AddPoll<OutboxJob>(OutboxJob.Key, seconds);

        return services;
    }
}

using AfterSales.Modules.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

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
        services.AddScoped<TenantMail>();
        services.AddScoped<MailSettingsBook>();

        // SMS goes through the provider a deployment registers; Development (Sms:PickupDirectory) writes a folder, otherwise it fails as not configured.
        var smsFolder = configuration["Sms:PickupDirectory"];
        if (!string.IsNullOrWhiteSpace(smsFolder))
        {
            services.TryAddSingleton<AfterSales.Modules.Shared.ISmsSender>(sp => new FolderSmsSender(
                Path.IsPathRooted(smsFolder) ? smsFolder : Path.Combine(sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath, smsFolder),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FolderSmsSender>>()));
        }
        else
        {
            services.TryAddSingleton<AfterSales.Modules.Shared.ISmsSender, UnconfiguredSmsSender>();
        }

        // Every 10 s by default; 0 turns the poll off, as tests that drive OutboxPoll themselves do.
        var seconds = configuration.GetValue("Notifications:PollSeconds", 10);
        services.AddPoll<OutboxJob>(OutboxJob.Key, seconds);

        return services;
    }
}

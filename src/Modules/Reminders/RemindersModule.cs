using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Reminders;

/// <summary>Care and warranty reminders: rules under /admin/reminders, planned and sent by a scanning job through the notifications outbox.</summary>
public static class RemindersModule
{
    public static IServiceCollection AddRemindersModule(this IServiceCollection services, IConfiguration configuration)
    {
        // Tenants are planned and sent side by side: each is a short series of reads and one write, so with one at a time a core
        // waits on the database and the database on a core.
        services.AddSingleton(new ReminderScanOptions(Math.Clamp(configuration.GetValue("Reminders:ScanParallelism", Environment.ProcessorCount), 1, 16)));
        services.AddSingleton<ReminderScan>();
        services.AddSingleton<ReminderWriteGate>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<ReminderSender>();
        services.AddScoped<ReminderBook>();
        services.AddScoped<MaintenancePlans>();
        services.AddScoped<CareLedger>();
        services.AddScoped<FollowUpDesk>();
        services.AddScoped<AfterSales.Modules.Products.IWarrantyObserver, WarrantyReminderMover>();

        // Every 5 minutes by default: reminders are due by the day, and quiet hours end on the minute. 0 turns the scan off,
        // as tests that run ReminderScan themselves do.
        var seconds = configuration.GetValue("Reminders:PollSeconds", 300);
        services.AddPoll<ReminderJob>(ReminderJob.Key, seconds);

        return services;
    }
}

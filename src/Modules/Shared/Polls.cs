using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AfterSales.Modules.Shared;

/// <summary>A module's recurring job and whether this host runs it; the host unschedules the ones turned off.</summary>
public sealed record PollRegistration(JobKey Key, bool IsOn);

public static class Polls
{
    /// <summary>
    /// Runs <typeparamref name="TJob"/> every <paramref name="seconds"/> (0 turns it off). With the database job store the trigger
    /// outlives the process: after downtime a missed run fires once, at once, rather than once per missed interval or not until the
    /// next one. A poll turned off is recorded so the host can remove the trigger an earlier start stored.
    /// </summary>
    public static IServiceCollection AddPoll<TJob>(this IServiceCollection services, JobKey key, int seconds) where TJob : IJob
    {
        services.AddSingleton(new PollRegistration(key, seconds > 0));
        if (seconds > 0)
        {
            services.AddQuartz(quartz => quartz.ScheduleJob<TJob>(
                trigger => trigger.WithIdentity(key.Name, key.Group).WithSchedule(SimpleScheduleBuilder.Create()
                    .WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
                job => job.WithIdentity(key)));
        }

        return services;
    }
}

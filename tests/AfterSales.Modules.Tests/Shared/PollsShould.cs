using AfterSales.Modules.Reminders;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AfterSales.Modules.Tests.Shared;

/// <summary>A module's poll: its trigger repeats forever and, after downtime, fires once at once; one turned off is recorded for removal.</summary>
public sealed class PollsShould
{
    [Fact]
    public async Task RepeatForeverAndFireOnceAtOnceAfterDowntime()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPoll<ReminderJob>(ReminderJob.Key, 300);
        services.AddQuartz();
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey(ReminderJob.Key.Name, ReminderJob.Key.Group)));
            Assert.Equal(ReminderJob.Key, trigger.JobKey);
            Assert.Equal(TimeSpan.FromMinutes(5), trigger.RepeatInterval);
            Assert.Equal(-1, trigger.RepeatCount); // repeat indefinitely
            // Quartz's default for a repeating trigger skips to the next interval; the scan should catch up now instead.
            Assert.Equal(SimpleTriggerMisfireInstruction.NowWithExistingCount, trigger.MisfireInstruction);
            Assert.Equal([new PollRegistration(ReminderJob.Key, true)], provider.GetServices<PollRegistration>());
        }
        finally
        {
            await scheduler.Shutdown();
        }
    }

    [Fact]
    public async Task ScheduleNothingWhenTurnedOffButRecordIt()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPoll<ReminderJob>(ReminderJob.Key, 0);
        services.AddQuartz();
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            Assert.Null(await scheduler.GetTrigger(new TriggerKey(ReminderJob.Key.Name, ReminderJob.Key.Group)));
            Assert.Equal([new PollRegistration(ReminderJob.Key, false)], provider.GetServices<PollRegistration>());
        }
        finally
        {
            await scheduler.Shutdown();
        }
    }
}

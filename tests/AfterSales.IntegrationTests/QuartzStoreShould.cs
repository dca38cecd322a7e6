using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Products;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AfterSales.IntegrationTests;

/// <summary>
/// The Quartz job store in the application database: the reminder scan's trigger and the due reminders outlive a restart, a
/// reminder that came due while the host was down is sent once after it, and two hosts on one database never send one twice.
/// </summary>
public sealed class QuartzStoreShould
{
    private static readonly TriggerKey ScanTrigger = new(ReminderJob.Key.Name, ReminderJob.Key.Group);

    [Fact]
    public async Task KeepTheScanTriggerAcrossARestartAndSendAReminderThatCameDueDuringTheDowntimeOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aftersales-it-quartz-{Guid.NewGuid():N}.db");
        try
        {
            DateTimeOffset startedAt;
            Guid ruleId;
            string number;
            await using (var first = new SharedDatabaseAppFactory(path, "Database", reminderPollSeconds: 3600))
            {
                var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
                // A new trigger fires at once; its run is over when the store records it as fired.
                var trigger = await WaitForAsync(async () => await scheduler.GetTrigger(ScanTrigger) is { PreviousFireTimeUtc: not null } t
                    && await CountAsync(path, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS") == 0 ? t : null);
                startedAt = trigger.StartTimeUtc;
                Assert.Equal(1, await CountAsync(path, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'reminder-scan'"));

                // A unit whose reminder is planned for a fortnight from now: nothing to send while this host runs.
                (ruleId, number) = await PlanAReminderAsync(first, warrantyEndsInDays: 45);
            }

            // The downtime: two hours in which the reminder came due and the hourly scan should have run (twice). Rather than wait,
            // the stored times are moved back by as much.
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                var dueAt = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow.AddHours(-1))!;
                await ExecuteAsync(connection, $"UPDATE DueReminders SET DueAt = {dueAt} WHERE RuleId = '{ruleId.ToString().ToUpperInvariant()}' AND State = 0");
                var twoHours = TimeSpan.FromHours(2).Ticks;
                await ExecuteAsync(connection, $"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = NEXT_FIRE_TIME - {twoHours}, PREV_FIRE_TIME = PREV_FIRE_TIME - {twoHours} WHERE TRIGGER_NAME = 'reminder-scan'");
            }

            SqliteConnection.ClearAllPools();
            await using (var second = new SharedDatabaseAppFactory(path, "Database", reminderPollSeconds: 3600))
            {
                var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
                // The misfired trigger fires once on start, and the scan sends what is due in the past.
                var reminder = await WaitForAsync(async () =>
                {
                    await using var scope = await second.TenantScopeAsync("demo");
                    using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
                    var unitId = (await db.SerialNumbers.AsNoTracking().FirstAsync(s => s.Number == number)).Id;
                    return await db.DueReminders.AsNoTracking().FirstOrDefaultAsync(r => r.RuleId == ruleId && r.SerialNumberId == unitId && r.State == DueReminderState.Sent);
                });
                await WaitForAsync(async () => await CountAsync(path, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS") == 0 ? "idle" : null);

                var trigger = await scheduler.GetTrigger(ScanTrigger);
                Assert.NotNull(trigger);
                // The stored trigger was kept (its start is the first host's), not registered anew, and after firing once for the
                // missed runs it waits the full interval again.
                Assert.Equal(startedAt, trigger.StartTimeUtc);
                Assert.True(trigger.NextFireTimeUtc > DateTimeOffset.UtcNow.AddMinutes(30), $"next fire {trigger.NextFireTimeUtc}");

                await using var tenantScope = await second.TenantScopeAsync("demo");
                using var reminders = tenantScope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
                var mails = await reminders.OutboxMessages.AsNoTracking().Where(m => m.Link == $"warranty?sn={number}").ToListAsync();
                Assert.Equal(reminder.OutboxMessageId, Assert.Single(mails).Id);
                // A scan run by hand after the catch-up finds nothing more to send.
                Assert.Equal(0, await second.Services.GetRequiredService<ReminderScan>().RunAsync());
                Assert.Single(await reminders.OutboxMessages.AsNoTracking().Where(m => m.Link == $"warranty?sn={number}").ToListAsync());
            }
        }
        finally
        {
            Delete(path);
        }
    }

    [Fact]
    public async Task SendEachReminderOnceWhenTwoHostsScanOneDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aftersales-it-quartz-{Guid.NewGuid():N}.db");
        try
        {
            await using var first = new SharedDatabaseAppFactory(path, "Memory", reminderPollSeconds: 0);
            _ = first.Services;
            await using var second = new SharedDatabaseAppFactory(path, "Memory", reminderPollSeconds: 0);
            _ = second.Services;

            // Twelve units whose 30-day reminder is due today, each host with its own scan.
            var (ruleId, number) = await PlanAReminderAsync(first, warrantyEndsInDays: 30, units: 12);
            var scans = new[] { first.Services.GetRequiredService<ReminderScan>(), second.Services.GetRequiredService<ReminderScan>() };
            var sent = (await Task.WhenAll(scans.Concat(scans).Select(s => Task.Run(() => s.RunAsync())))).Sum();

            await using var scope = await second.TenantScopeAsync("demo");
            using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
            var units = await db.SerialNumbers.AsNoTracking().Where(s => s.Number.StartsWith(number)).Select(s => s.Id).ToListAsync();
            var reminders = await db.DueReminders.AsNoTracking().Where(r => r.RuleId == ruleId && units.Contains(r.SerialNumberId!.Value) && r.OffsetDays == 30).ToListAsync();
            Assert.Equal(12, reminders.Count);
            Assert.All(reminders, r => Assert.Equal(DueReminderState.Sent, r.State));
            var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.Link!.StartsWith($"warranty?sn={number}")).ToListAsync();
            Assert.Equal(12, mails.Count);
            Assert.Equal(mails.Select(m => m.Id).Order(), reminders.Select(r => r.OutboxMessageId!.Value).Order());
            // Whatever else was due (the demo's own rules) went out once too: the scans' sum is the rows marked sent, each with one mail.
            var allSent = await db.DueReminders.AsNoTracking().Where(r => r.State == DueReminderState.Sent).Select(r => r.OutboxMessageId).ToListAsync();
            Assert.Equal(await CountAsync(path, "SELECT COUNT(*) FROM DueReminders WHERE State = 1"), sent);
            Assert.Equal(allSent.Count, allSent.Distinct().Count());
            var reminderMails = await db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey.StartsWith("reminder.")).Select(m => new { m.Link, m.Recipient, m.Subject }).ToListAsync();
            Assert.Equal(reminderMails.Count, reminderMails.Distinct().Count());
        }
        finally
        {
            Delete(path);
        }
    }

    // A warranty rule of the demo tenant and units of customer C1001 (who has an address) ending in warrantyEndsInDays, planned.
    private static async Task<(Guid RuleId, string Number)> PlanAReminderAsync(AppFactory factory, int warrantyEndsInDays, int units = 1)
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var tenant = await factory.TenantAsync("demo");
        var today = TenantTime.TodayFor(tenant, DateTimeOffset.UtcNow);
        using (var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create())
        {
            var customer = await db.Customers.FirstAsync(c => c.Code == "C1001");
            customer.Email ??= "c1001@customer.example";
            await db.SaveChangesAsync();
        }

        var number = "QRZ-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        for (var i = 0; i < units; i++)
        {
            Assert.Equal(SerialSaveStatus.Saved, (await registry.RegisterAsync(new SerialInput
            {
                Number = units == 1 ? number : $"{number}-{i:D2}", ModelCode = "KT-35", CustomerCode = "C1001",
                WarrantyStart = today.AddDays(warrantyEndsInDays - 365), WarrantyEnd = today.AddDays(warrantyEndsInDays),
            })).Status);
        }

        var input = ReminderRules.NewInput();
        input.Name = "Warranty ends " + number;
        input.QuietFrom = input.QuietUntil = null;
        var saved = await scope.ServiceProvider.GetRequiredService<ReminderBook>().SaveAsync(null, input, null);
        Assert.Equal(ReminderSaveStatus.Saved, saved.Status);
        await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().PlanRuleAsync(saved.Id!.Value);
        return (saved.Id!.Value, number);
    }

    // Waits for a state another thread (the scheduler) brings about; fails after a generous limit rather than hanging.
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The scheduler did not get there within two minutes.");
    }

    private static async Task<long> CountAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0, sql);
    }

    private static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A host over a database file another host (before or beside it) uses too; the test deletes the file.</summary>
    private sealed class SharedDatabaseAppFactory(string path, string store, int reminderPollSeconds) : AppFactory(path, ownsDatabase: false)
    {
        protected override string QuartzStore => store;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reminders:PollSeconds", reminderPollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

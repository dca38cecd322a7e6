using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Products;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Warranty reminders: planned per unit, sent once through the outbox however often the scan runs, moved by a renewal, kept to their tenant.</summary>
public sealed class RemindersShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task MailTheCustomerOnceWhenTheScanRunsTwiceAndMoveTheRemindersWhenTheWarrantyIsExtended()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var tenant = await factory.TenantAsync("demo");
        var today = TenantTime.TodayFor(tenant, DateTimeOffset.UtcNow);
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var customer = await db.Customers.FirstAsync(c => c.Code == "C1001");
        customer.Email ??= "c1001@customer.example";
        await db.SaveChangesAsync();
        var leaving = "RMD-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var later = leaving + "-B";
        Assert.Equal(SerialSaveStatus.Saved, (await registry.RegisterAsync(new SerialInput
        {
            Number = leaving, ModelCode = "KT-35", CustomerCode = "C1001", WarrantyStart = today.AddDays(-335), WarrantyEnd = today.AddDays(30),
        })).Status);
        Assert.Equal(SerialSaveStatus.Saved, (await registry.RegisterAsync(new SerialInput
        {
            Number = later, ModelCode = "KT-35", CustomerCode = "C1001", WarrantyStart = today.AddDays(-300), WarrantyEnd = today.AddDays(37),
        })).Status);

        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var input = ReminderRules.NewInput();
        input.Name = "Warranty ends " + leaving;
        input.QuietFrom = input.QuietUntil = null;
        var saved = await book.SaveAsync(null, input, null);
        Assert.Equal(ReminderSaveStatus.Saved, saved.Status);
        var ruleId = saved.Id!.Value;

        var scan = factory.Services.GetRequiredService<ReminderScan>();
        await Task.WhenAll(scan.RunAsync(), scan.RunAsync());
        await scan.RunAsync();

        var unit = await db.SerialNumbers.AsNoTracking().FirstAsync(s => s.Number == leaving);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == ReminderRules.TemplateKey && m.Link == $"warranty?sn={leaving}").ToListAsync();
        var mail = Assert.Single(mails);
        Assert.Equal((DeliveryChannel.Email, customer.Email), (mail.Channel, mail.Recipient));
        Assert.Contains(leaving, mail.Body);
        Assert.Contains(today.AddDays(30).ToString("yyyy-MM-dd"), mail.Subject);
        var reminders = await db.DueReminders.AsNoTracking().Where(r => r.RuleId == ruleId && r.SerialNumberId == unit.Id).OrderBy(r => r.DueDate).ToListAsync();
        Assert.Equal([(30, today, DueReminderState.Sent), (7, today.AddDays(23), DueReminderState.Pending)], reminders.Select(r => (r.OffsetDays, r.DueDate, r.State)));
        Assert.Equal(mail.Id, reminders[0].OutboxMessageId);
        Assert.Contains(await book.UpcomingAsync(ruleId) ?? [], u => u.Subject == later && u.DueDate == today.AddDays(7) && u.Customer == customer.Name);

        // Renewed for a year: nothing of the old end is sent any more, and the new end is too far off to plan yet.
        Assert.Equal(ExtendStatus.Saved, (await registry.ExtendAsync(later, today.AddDays(37), today.AddDays(400), "延保一年", 300m)).Status);
        await scan.RunAsync();
        var laterId = (await db.SerialNumbers.AsNoTracking().FirstAsync(s => s.Number == later)).Id;
        var moved = await db.DueReminders.AsNoTracking().Where(r => r.SerialNumberId == laterId).ToListAsync();
        Assert.Equal(2, moved.Count);
        Assert.All(moved, r => Assert.Equal((DueReminderState.Cancelled, ReminderPlanner.NoteWarrantyChanged), (r.State, r.Note)));
        Assert.Empty(await db.OutboxMessages.AsNoTracking().Where(m => m.Link == $"warranty?sn={later}").ToListAsync());
        Assert.DoesNotContain(await book.UpcomingAsync(ruleId) ?? [], u => u.Subject == later);

        // Disabled, its pending reminders are cancelled rather than sent later in a batch.
        Assert.True(await book.SetEnabledAsync(ruleId, false));
        Assert.False(await db.DueReminders.AnyAsync(r => r.RuleId == ruleId && r.State == DueReminderState.Pending));
    }

    [Fact]
    public async Task KeepEachTenantsRulesAndRemindersToItself()
    {
        Guid demoRule;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var input = ReminderRules.NewInput();
            input.Name = "Demo only";
            input.ToCustomer = false;
            input.StaffRole = Roles.Manager;
            input.InApp = true;
            input.Email = false;
            demoRule = (await demo.ServiceProvider.GetRequiredService<ReminderBook>().SaveAsync(null, input, null)).Id!.Value;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var book = acme.ServiceProvider.GetRequiredService<ReminderBook>();
        Assert.Null(await book.GetAsync(demoRule));
        Assert.Null(await book.UpcomingAsync(demoRule));
        Assert.Null(await book.RunNowAsync(demoRule));
        Assert.False(await book.SetEnabledAsync(demoRule, false));
        Assert.False(await book.DeleteAsync(demoRule));
        Assert.Equal(ReminderSaveStatus.NotFound, (await book.SaveAsync(demoRule, Named("Taken over"), null)).Status);
        Assert.DoesNotContain(await book.ListAsync(), r => r.Rule.Id == demoRule);
        using var db = acme.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        Assert.False(await db.DueReminders.AnyAsync(r => r.RuleId == demoRule));

        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync("/t/demo/admin/reminders")).Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync("/t/demo/admin/reminders")).StatusCode);
    }

    private static ReminderRuleInput Named(string name)
    {
        var input = ReminderRules.NewInput();
        input.Name = name;
        return input;
    }
}

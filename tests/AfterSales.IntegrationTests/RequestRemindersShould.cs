using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Request reminders: overdue and not-responding requests reach their assignee once, and a request that moves on loses its pending reminders.</summary>
public sealed class RequestRemindersShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task NotifyTheAssigneeOnceWhenARequestGoesOverdueOrItsCustomerStopsAnswering()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var engineer = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().EngineersAsync()).First();
        var overdue = await RequestAsync(scope.ServiceProvider, "Overdue", engineer, r => r.DueAt = DateTimeOffset.UtcNow.AddHours(-1));
        var silent = await RequestAsync(scope.ServiceProvider, "Silent", engineer, r =>
        {
            r.Status = RequestStatuses.OnHold;
            r.StatusCategory = StatusCategory.Waiting;
            r.DueAt = null;
        }, DateTimeOffset.UtcNow.AddDays(-4));

        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var late = await SaveAsync(book, ReminderKind.RequestOverdue, "Overdue " + overdue.Number, "0");
        var quiet = await SaveAsync(book, ReminderKind.RequestNoResponse, "Silent " + silent.Number, "3");

        var scan = factory.Services.GetRequiredService<ReminderScan>();
        await Task.WhenAll(scan.RunAsync(), scan.RunAsync());
        await scan.RunAsync();

        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var toOverdue = await db.OutboxMessages.AsNoTracking().Where(m => m.Link == $"requests/{overdue.Number}" && m.Subject.StartsWith("Overdue ")).ToListAsync();
        var inApp = Assert.Single(toOverdue, m => m.Channel == DeliveryChannel.InApp);
        Assert.Equal((engineer.UserId, ReminderKinds.TemplateKey(ReminderKind.RequestOverdue)), (inApp.Recipient, inApp.TemplateKey));
        Assert.Contains(overdue.Number, inApp.Subject);
        Assert.True(toOverdue.Count(m => m.Channel == DeliveryChannel.Email) <= 1);
        var waited = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.Link == $"requests/{silent.Number}" && m.Channel == DeliveryChannel.InApp && m.Subject.StartsWith("Silent ")).ToListAsync());
        Assert.EndsWith(" 4", waited.Subject);
        Assert.Equal(DueReminderState.Sent, (await db.DueReminders.AsNoTracking().SingleAsync(r => r.RuleId == late && r.ServiceRequestId == overdue.Id)).State);
        Assert.Equal(DueReminderState.Sent, (await db.DueReminders.AsNoTracking().SingleAsync(r => r.RuleId == quiet && r.ServiceRequestId == silent.Id)).State);
    }

    [Fact]
    public async Task CancelAPendingReminderWhenTheRequestMovesOn()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var engineer = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().EngineersAsync()).First();
        var request = await RequestAsync(scope.ServiceProvider, "Soon", engineer, r => r.DueAt = DateTimeOffset.UtcNow.AddHours(30));
        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var rule = await SaveAsync(book, ReminderKind.RequestDueSoon, "Soon " + request.Number, "24");

        var upcoming = Assert.Single(await book.UpcomingAsync(rule) ?? [], u => u.Subject == request.Number);
        Assert.Equal(DueReminderState.Pending, upcoming.State);
        Assert.True((upcoming.DueAt - DateTimeOffset.UtcNow.AddHours(6)).Duration() < TimeSpan.FromHours(12), "due 24 h before the deadline, or after the quiet hours");

        // Closed before the reminder's time: nothing is sent and the admin sees why.
        using (var service = scope.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>().Create())
        {
            await service.ServiceRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCategory, StatusCategory.Done)
                .SetProperty(r => r.Status, RequestStatuses.Closed));
        }

        await factory.Services.GetRequiredService<ReminderScan>().RunAsync();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var reminder = await db.DueReminders.AsNoTracking().SingleAsync(r => r.RuleId == rule && r.ServiceRequestId == request.Id);
        Assert.Equal((DueReminderState.Cancelled, RequestReminderPlanner.NoteMovedOn), (reminder.State, reminder.Note));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Link == $"requests/{request.Number}"));
    }

    [Fact]
    public async Task RefuseTheCustomerAsTheAudienceOfARequestReminderAndKeepARulesKind()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var input = ReminderKinds.NewInput(ReminderKind.RequestOverdue);
        input.Name = "To the customer";
        input.ToCustomer = true;
        Assert.Equal("Reminders.Validation.RequestAudience", (await book.SaveAsync(null, input, null)).Errors![nameof(input.StaffRole)]);

        input.ToCustomer = false;
        input.OffsetDays = "200";
        Assert.Equal("Reminders.Validation.Offsets.RequestOverdue", (await book.SaveAsync(null, input, null)).Errors![nameof(input.OffsetDays)]);

        input.OffsetDays = "0, 24";
        input.BodyEn = "{{serialNumber}}";
        Assert.Equal("Reminders.Validation.Placeholder", (await book.SaveAsync(null, input, null)).Errors![nameof(input.BodyEn)]);

        input.BodyEn = "{{number}} is late";
        var saved = await book.SaveAsync(null, input, null);
        var rule = (await book.GetAsync(saved.Id!.Value))!;
        var changed = ReminderRuleInput.From(rule);
        changed.Kind = ReminderKind.RequestDueSoon;
        Assert.Equal(ReminderSaveStatus.Invalid, (await book.SaveAsync(rule.Id, changed, rule.ConcurrencyStamp)).Status);
        Assert.Equal([24, 0], rule.Offsets);

        await using var acme = await factory.TenantScopeAsync("acme");
        Assert.Null(await acme.ServiceProvider.GetRequiredService<ReminderBook>().UpcomingAsync(rule.Id));
    }

    [Fact]
    public async Task ListAFailedReminderAndRetryItOnlyInItsTenant()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var engineer = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().EngineersAsync()).First();
        var request = await RequestAsync(scope.ServiceProvider, "Failing", engineer, r => r.DueAt = DateTimeOffset.UtcNow.AddHours(-2));
        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var rule = await SaveAsync(book, ReminderKind.RequestOverdue, "Failing " + request.Number, "0");
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var id = (await db.DueReminders.AsNoTracking().SingleAsync(r => r.RuleId == rule && r.ServiceRequestId == request.Id)).Id;
        // Given up after its attempts, as the sender leaves it.
        await db.DueReminders.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, DueReminderState.Cancelled)
            .SetProperty(r => r.Note, ReminderSender.NoteFailed).SetProperty(r => r.Attempts, ReminderSender.MaxAttempts));

        var failed = Assert.Single(await book.FailedAsync(), f => f.Id == id);
        Assert.Equal((request.Number, DueReminderState.Cancelled), (failed.Subject, failed.State));
        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var other = acme.ServiceProvider.GetRequiredService<ReminderBook>();
            Assert.False(await other.RetryAsync(id));
            Assert.DoesNotContain(await other.FailedAsync(), f => f.Id == id);
        }

        Assert.True(await book.RetryAsync(id));
        await factory.Services.GetRequiredService<ReminderScan>().RunAsync();
        Assert.Equal(DueReminderState.Sent, (await db.DueReminders.AsNoTracking().SingleAsync(r => r.Id == id)).State);
        Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.Link == $"requests/{request.Number}" && m.Channel == DeliveryChannel.InApp && m.Subject.StartsWith("Failing ")).ToListAsync());
    }

    private static async Task<Guid> SaveAsync(ReminderBook book, ReminderKind kind, string name, string offsets)
    {
        var input = ReminderKinds.NewInput(kind);
        input.Name = name;
        input.OffsetDays = offsets;
        input.QuietFrom = input.QuietUntil = null;
        // Rules of the other tests remind of the same requests: each rule's messages carry its name.
        input.SubjectZh = input.SubjectEn = name + " {{number}} {{days}}";
        var saved = await book.SaveAsync(null, input, null);
        Assert.Equal(ReminderSaveStatus.Saved, saved.Status);
        return saved.Id!.Value;
    }

    // A request taken by the desk, then assigned and put where the test needs it directly, as the workflow and SLA would have.
    private static async Task<ServiceRequest> RequestAsync(IServiceProvider services, string subject, Assignee engineer, Action<ServiceRequest> change,
        DateTimeOffset? waitingSince = null)
    {
        var type = (await services.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
        var number = (await services.GetRequiredService<RequestDesk>().CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = subject }, Agent)).Number!;
        using var db = services.GetRequiredService<IDbFactory<IServiceDb>>().Create();
        var request = await db.ServiceRequests.FirstAsync(r => r.Number == number);
        request.AssigneeId = engineer.UserId;
        request.AssigneeName = engineer.Name;
        request.Status = RequestStatuses.Assigned;
        request.StatusCategory = StatusCategory.InProgress;
        var from = request.Status;
        change(request);
        if (waitingSince is { } at)
        {
            db.RequestEvents.Add(new RequestEvent { ServiceRequestId = request.Id, At = at, Kind = RequestEventKind.StatusChanged, FromStatus = from, ToStatus = request.Status });
        }

        await db.SaveChangesAsync();
        return request;
    }
}

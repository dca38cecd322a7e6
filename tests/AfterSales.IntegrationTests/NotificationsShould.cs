using System.Collections.Concurrent;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Workflows.Actions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The workflow's notify action through the outbox to the bell and to e-mail, with retries, templates and isolation.</summary>
public sealed class NotificationsShould(NotificationsShould.FlakyMailFactory factory) : IClassFixture<NotificationsShould.FlakyMailFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task TellTheAssigneeOnceThroughTheOutbox()
    {
        string engineer;
        string number;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var (desk, workflow) = (scope.ServiceProvider.GetRequiredService<RequestDesk>(), scope.ServiceProvider.GetRequiredService<RequestWorkflow>());
            var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
            number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "通知测试" }, Agent)).Number!;
            var request = (await desk.GetAsync(number))!;
            var assign = await ServiceRequestsShould.FillAsync(workflow, request.Id, "Assign", Agent);
            engineer = assign["assigneeId"]!;

            // A transition on a stale copy is refused and leaves nothing to send.
            Assert.Equal(ActionStatus.Conflict, (await workflow.FireAsync(number, "Assign", assign, null, "stale", Agent)).Status);
            Assert.Equal(0, await Outbox(scope).CountAsync(m => m.RequestNumber == number));
            Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, "Assign", assign, null, request.ConcurrencyStamp, Agent)).Status);
        }

        var poll = factory.Services.GetRequiredService<OutboxPoll>();
        var first = await poll.RunAsync();
        var second = await poll.RunAsync();

        await using var check = await factory.TenantScopeAsync("demo");
        var row = await Outbox(check).SingleAsync(m => m.RequestNumber == number);
        var bell = await Db(check).StaffNotifications.Where(n => n.UserId == engineer && n.Link == $"requests/{number}").ToListAsync();
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal((DeliveryChannel.InApp, DeliveryStatus.Sent, engineer, "request.assigned"), (row.Channel, row.Status, row.Recipient, row.TemplateKey));
        Assert.Equal($"工单 {number} 已分配给您", Assert.Single(bell).Title);
        Assert.Contains("通知测试", bell[0].Body, StringComparison.Ordinal);
        Assert.Contains("Agent", bell[0].Body, StringComparison.Ordinal);

        var inbox = Inbox(check, engineer);
        var stranger = Inbox(check, "someone-else");
        Assert.True(await inbox.UnreadAsync() >= 1);
        Assert.False(await stranger.MarkReadAsync(bell[0].Id));
        Assert.Equal(0, (await stranger.PageAsync(0, 20)).Total);
        Assert.True(await inbox.MarkReadAsync(bell[0].Id));
    }

    [Fact]
    public async Task RetryAFailingMailWithBackOffUntilItFailsForGoodAndSendAGoodOneOnce()
    {
        long failing;
        long good;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var db = Db(scope);
            var now = DateTimeOffset.UtcNow;
            var bad = Mail("broken@fail.example", now);
            var fine = Mail("manager@demo.example", now);
            db.OutboxMessages.AddRange(bad, fine);
            await db.SaveChangesAsync();
            (failing, good) = (bad.Id, fine.Id);
        }

        var poll = factory.Services.GetRequiredService<OutboxPoll>();
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await poll.RunAsync();
            await using var scope = await factory.TenantScopeAsync("demo");
            var row = await Outbox(scope).SingleAsync(m => m.Id == failing);
            Assert.Equal(attempt, row.Attempts);
            if (row.Status == DeliveryStatus.Pending)
            {
                waits.Add(row.NextAttemptAt - DateTimeOffset.UtcNow);
                await Outbox(scope).Where(m => m.Id == failing).ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
            }
        }

        await using var check = await factory.TenantScopeAsync("demo");
        var failed = await Outbox(check).SingleAsync(m => m.Id == failing);
        var book = check.ServiceProvider.GetRequiredService<NotificationBook>();
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("refused", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(4, waits.Count);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.InRange(waits[3], TimeSpan.FromMinutes(119), TimeSpan.FromHours(2));
        Assert.Equal(DeliveryStatus.Sent, (await Outbox(check).SingleAsync(m => m.Id == good)).Status);
        Assert.Single(factory.Sent, m => m == "manager@demo.example");
        Assert.True(await book.RetryAsync(failing));
        Assert.Equal((DeliveryStatus.Pending, 0), await Outbox(check).Where(m => m.Id == failing).Select(m => ValueTuple.Create(m.Status, m.Attempts)).SingleAsync());
    }

    [Fact]
    public async Task WriteNotificationsInTheTenantsOwnWordingAndRefuseUnknownPlaceholders()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var book = scope.ServiceProvider.GetRequiredService<NotificationBook>();
        var bad = await book.SaveTemplateAsync(new TemplateInput
        {
            Key = "request.assigned", SubjectZh = "{{number}} {{nonsense}}", SubjectEn = "{{number}}", BodyZh = "", BodyEn = "x",
        }, null);
        var own = await book.SaveTemplateAsync(new TemplateInput
        {
            Key = "request.assigned", SubjectZh = "新活：{{number}}", SubjectEn = "New job: {{number}} for {{customer}}", BodyZh = "{{subject}}", BodyEn = "{{subject}}",
        }, null);
        var again = await book.SaveTemplateAsync(new TemplateInput { Key = "request.assigned", SubjectZh = "a", SubjectEn = "b", BodyZh = "c", BodyEn = "d" }, null);

        var (desk, workflow) = (scope.ServiceProvider.GetRequiredService<RequestDesk>(), scope.ServiceProvider.GetRequiredService<RequestWorkflow>());
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "AC-501", Subject = "Wording" }, Agent)).Number!;
        var request = (await desk.GetAsync(number))!;
        var assign = await ServiceRequestsShould.FillAsync(workflow, request.Id, "Assign", Agent);
        await workflow.FireAsync(number, "Assign", assign, null, request.ConcurrencyStamp, Agent);
        var row = await Outbox(scope).SingleAsync(m => m.RequestNumber == number);
        var templates = await book.TemplatesAsync();

        Assert.Equal(NotificationSaveStatus.Invalid, bad.Status);
        Assert.Equal("Notifications.Validation.Placeholder", bad.Errors!["SubjectZh"]);
        Assert.Equal("Notifications.Validation.Required", bad.Errors!["BodyZh"]);
        Assert.Equal(NotificationSaveStatus.Saved, own.Status);
        Assert.Equal(NotificationSaveStatus.Conflict, again.Status);
        Assert.StartsWith($"New job: {number} for ", row.Subject, StringComparison.Ordinal);
        Assert.True(templates.Single(t => t.Template.Key == "request.assigned").IsOwn);
        Assert.False(templates.Single(t => t.Template.Key == "request.locked").IsOwn);

        // The other tenant keeps the built-in wording and cannot see or retry this tenant's deliveries.
        await using var demo = await factory.TenantScopeAsync("demo");
        var demoBook = demo.ServiceProvider.GetRequiredService<NotificationBook>();
        Assert.False((await demoBook.TemplatesAsync()).Single(t => t.Template.Key == "request.assigned").IsOwn);
        Assert.DoesNotContain((await demoBook.DeliveriesAsync(null, null, 0, 1000)).Items, m => m.Id == row.Id);
        await Outbox(scope).Where(m => m.Id == row.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, DeliveryStatus.Failed));
        Assert.False(await demoBook.RetryAsync(row.Id));
        Assert.True(await book.RetryAsync(row.Id));
    }

    [Fact]
    public async Task AssignToTheRoleMemberWithTheFewestOpenRequests()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var directory = scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>();
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!;
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "按角色分配" }, Agent)).Number!;
        var request = await db.ServiceRequests.SingleAsync(r => r.Number == number);
        var agents = await directory.InRoleAsync(Roles.Agent);
        var handler = scope.ServiceProvider.GetServices<IRequestActionHandler>().OfType<RoleAssignment>().Single();
        var action = new AssignAction { To = AssigneeSource.Role, Value = Roles.Agent };

        await handler.HandleAsync(new RequestActionContext(db, request, action, "t", new Dictionary<string, object?>(), Agent, DateTimeOffset.UtcNow,
            new AfterSales.Workflows.Definitions.LocalizedText("x", "x")), CancellationToken.None);
        var nobody = new AssignAction { To = AssigneeSource.Role, Value = "NoSuchRole" };

        Assert.NotEmpty(agents);
        Assert.Contains(agents, a => a.UserId == request.AssigneeId);
        Assert.True(handler.CanHandle(action));
        Assert.False(handler.CanHandle(new AssignAction { To = AssigneeSource.Rules }));
        Assert.Empty(await directory.InRoleAsync(nobody.Value!));
        Assert.Single(db.ChangeTracker.Entries<RequestEvent>(), e => e.Entity.Kind == RequestEventKind.Assigned);
    }

    private static AfterSales.Host.Data.AppDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();

    private static DbSet<OutboxMessage> Outbox(AsyncServiceScope scope) => Db(scope).OutboxMessages;

    private static StaffInbox Inbox(AsyncServiceScope scope, string userId) =>
        new(scope.ServiceProvider.GetRequiredService<IDbFactory<INotificationsDb>>(), new User(userId), TimeProvider.System);

    private static OutboxMessage Mail(string to, DateTimeOffset now) => new()
    {
        Channel = DeliveryChannel.Email, Recipient = to, TemplateKey = "request.locked", Subject = "Locked", Body = "<p>Locked</p>",
        CreatedAt = now, NextAttemptAt = now.ToUniversalTime().AddSeconds(-1),
    };

    private sealed record User(string? Id) : ICurrentUser
    {
        public string? Name => Id;
    }

    /// <summary>The host with a mail server that refuses addresses at fail.example and keeps the rest.</summary>
    public sealed class FlakyMailFactory : AppFactory, IAppEmailSender
    {
        public ConcurrentBag<string> Sent { get; } = [];

        public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
        {
            if (to.EndsWith("@fail.example", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("550 mailbox refused");
            }

            Sent.Add(to);
            return Task.CompletedTask;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IAppEmailSender>(this));
        }
    }
}

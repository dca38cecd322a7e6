using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Workflows.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>E-mail to customers and roles, refused transitions, and what each tenant's admin and each user may see.</summary>
public sealed partial class NotificationDeliveriesShould(NotificationsShould.FlakyMailFactory factory) : IClassFixture<NotificationsShould.FlakyMailFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task MailTheRequestsContactAndEachManagerOnceWithTheRequestEscaped()
    {
        string number;
        await using (var scope = await factory.TenantScopeAsync("acme"))
        {
            var db = Db(scope);
            var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
            number = (await scope.ServiceProvider.GetRequiredService<RequestDesk>().CreateAsync(
                new RequestInput { ServiceTypeId = type.Id, CustomerCode = "AC-501", ContactName = "Anna Berg", Subject = "Pump <leaks> & drips" }, Agent)).Number!;
            var request = await db.ServiceRequests.SingleAsync(r => r.Number == number);
            var handler = scope.ServiceProvider.GetServices<IRequestActionHandler>().OfType<NotifyHandler>().Single();
            var mail = new NotifyAction
            {
                Channel = NotificationChannel.Email, Template = "request.locked",
                Recipients = [Recipient.Customer, Recipient.OfRole(Roles.Manager), Recipient.OfRole(Roles.Manager)],
            };
            // Customers have no bell: an in-app notice to them is skipped, not queued.
            var bell = new NotifyAction { Recipients = [Recipient.Customer], Template = "request.locked" };
            foreach (var action in new[] { mail, bell })
            {
                await handler.HandleAsync(new RequestActionContext(db, request, action, "Locked", new Dictionary<string, object?>(), Agent, DateTimeOffset.UtcNow,
                    new AfterSales.Workflows.Definitions.LocalizedText("已锁定", "Locked")), CancellationToken.None);
            }

            await db.SaveChangesAsync();
        }

        var poll = factory.Services.GetRequiredService<OutboxPoll>();
        await poll.RunAsync();
        await poll.RunAsync();

        await using var check = await factory.TenantScopeAsync("acme");
        var rows = await Db(check).OutboxMessages.Where(m => m.RequestNumber == number).OrderBy(m => m.Recipient).ToListAsync();
        Assert.Equal(["anna@example.com", "manager@acme.example"], rows.Select(r => r.Recipient));
        Assert.All(rows, r => Assert.Equal((DeliveryChannel.Email, DeliveryStatus.Sent, 1), (r.Channel, r.Status, r.Attempts)));
        Assert.Equal($"Request {number} is locked for the manager", rows[0].Subject);
        Assert.Contains("Pump &lt;leaks&gt; &amp; drips<br>Customer: Northwind Foods", rows[0].Body, StringComparison.Ordinal);
        Assert.Single(factory.Sent, to => to == "anna@example.com");
        Assert.Single(factory.Sent, to => to == "manager@acme.example");
    }

    [Fact]
    public async Task QueueNothingForATransitionTheActorMayNotFire()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var (desk, workflow) = (scope.ServiceProvider.GetRequiredService<RequestDesk>(), scope.ServiceProvider.GetRequiredService<RequestWorkflow>());
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "无权派工" }, Agent)).Number!;
        var request = (await desk.GetAsync(number))!;
        var assign = await ServiceRequestsShould.FillAsync(workflow, request.Id, "Assign", Agent);
        var engineer = new RequestActor("engineer-id", "Engineer", new HashSet<string> { Roles.Engineer });

        var outcome = await workflow.FireAsync(number, "Assign", assign, null, request.ConcurrencyStamp, engineer);

        Assert.Equal(ActionStatus.NotAllowed, outcome.Status);
        Assert.Equal(0, await Db(scope).OutboxMessages.CountAsync(m => m.RequestNumber == number));
    }

    [Fact]
    public async Task ShowADeliveryAndATemplateOnlyToTheirOwnTenantsAdmin()
    {
        long acmeDelivery;
        long demoDelivery;
        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var saved = await acme.ServiceProvider.GetRequiredService<NotificationBook>().SaveTemplateAsync(
                new TemplateInput { Key = "acme.visit-reminder", SubjectZh = "回访 {{number}}", SubjectEn = "Visit {{number}}", BodyZh = "{{subject}}", BodyEn = "{{subject}}" }, null);
            Assert.Equal(NotificationSaveStatus.Saved, saved.Status);
            acmeDelivery = await FailedAsync(acme, "Acme only");
        }

        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            demoDelivery = await FailedAsync(demo, "演示发送失败");
        }

        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var acmeAdmin = factory.CreateBrowser();
        await acmeAdmin.LoginAsync("/t/acme", "admin@acme.example");
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");

        var (own, html) = await admin.GetPageAsync($"/t/demo/admin/notifications/deliveries/{demoDelivery}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("演示发送失败", html, StringComparison.Ordinal);
        Assert.Contains("550 mailbox refused", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/t/demo/admin/notifications/deliveries/{acmeDelivery}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/t/demo/admin/notifications/deliveries/987654321")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync($"/t/demo/admin/notifications/deliveries/{demoDelivery}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/t/demo/admin/notifications/templates/acme.visit-reminder")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/t/demo/admin/notifications/templates/request.assigned")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acmeAdmin.GetAsync("/t/acme/admin/notifications/templates/acme.visit-reminder")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await acmeAdmin.GetAsync($"/t/acme/admin/notifications/deliveries/{acmeDelivery}")).StatusCode);
    }

    [Fact]
    public async Task CountOnTheBellOnlyTheSignedInUsersUnreadNotifications()
    {
        Dictionary<string, int> unread;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var db = Db(scope);
            var users = await db.Users.Where(u => u.Email == "engineer@demo.example" || u.Email == "manager@demo.example").ToDictionaryAsync(u => u.Email!, u => u.Id);
            var now = DateTimeOffset.UtcNow;
            db.StaffNotifications.AddRange(
                Notice(users["engineer@demo.example"], now, read: false),
                Notice(users["engineer@demo.example"], now, read: false),
                Notice(users["engineer@demo.example"], now, read: true));
            await db.SaveChangesAsync();
            // The seed's own requests may have left notifications of their own; the bell must show exactly the user's.
            unread = await db.StaffNotifications.Where(n => n.ReadAt == null).GroupBy(n => n.UserId).ToDictionaryAsync(g => g.Key, g => g.Count());
            unread = users.ToDictionary(u => u.Key, u => unread.GetValueOrDefault(u.Value));
        }

        var engineer = factory.CreateBrowser();
        await engineer.LoginAsync("/t/demo", "engineer@demo.example");
        var manager = factory.CreateBrowser();
        await manager.LoginAsync("/t/demo", "manager@demo.example");

        var (_, engineerPage) = await engineer.GetPageAsync("/t/demo/notifications");
        var (_, managerPage) = await manager.GetPageAsync("/t/demo/notifications");

        Assert.True(unread["engineer@demo.example"] >= 2);
        Assert.Equal(unread["engineer@demo.example"].ToString(CultureInfo.InvariantCulture), BellCount().Match(engineerPage).Groups[1].Value);
        Assert.Equal(3, Regex.Matches(engineerPage, "Bell test").Count);
        Assert.Equal(unread["manager@demo.example"] == 0 ? "" : unread["manager@demo.example"].ToString(CultureInfo.InvariantCulture),
            BellCount().Match(managerPage).Groups[1].Value);
        Assert.DoesNotContain("Bell test", managerPage, StringComparison.Ordinal);
    }

    private static AfterSales.Host.Data.AppDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();

    private static async Task<long> FailedAsync(AsyncServiceScope scope, string subject)
    {
        var db = Db(scope);
        var now = DateTimeOffset.UtcNow;
        var row = new OutboxMessage
        {
            Channel = DeliveryChannel.Email, Recipient = "broken@fail.example", TemplateKey = "request.locked", Subject = subject, Body = "<p>x</p>",
            Status = DeliveryStatus.Failed, Attempts = 5, LastError = "550 mailbox refused", CreatedAt = now, NextAttemptAt = now.ToUniversalTime(),
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static StaffNotification Notice(string userId, DateTimeOffset now, bool read) => new()
    {
        UserId = userId, Title = "Bell test", Body = "x", Link = "requests", CreatedAt = now, ReadAt = read ? now : null,
    };

    [GeneratedRegex("""data-testid="bell-count">([^<]+)<""")]
    private static partial Regex BellCount();
}

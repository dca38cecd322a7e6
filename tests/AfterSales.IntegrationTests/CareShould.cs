using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Products;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Customer care (issue #8): greetings and follow-up tasks planned by the reminder scan, the care ledger, reminders on SMS and
/// group-robot channels, and a tenant's own mail server.
/// </summary>
public sealed class CareShould(CareShould.CareFactory factory) : IClassFixture<CareShould.CareFactory>
{
    [Fact]
    public async Task PostAWarrantyReminderOnceToADingTalkRobotSignedAsDingTalkRequiresAndTextTheCustomer()
    {
        const string secret = "SEC-dingtalk-test-secret";
        await using var scope = await factory.TenantScopeAsync("demo");
        var today = TenantTime.TodayFor(await factory.TenantAsync("demo"), DateTimeOffset.UtcNow);
        var customer = await NewCustomerAsync(scope, phone: "13900001111", email: null);
        var number = await RegisterAsync(scope, customer, warrantyEnd: today.AddDays(30));
        var robot = await scope.ServiceProvider.GetRequiredService<WebhookBook>().SaveAsync(null, new EndpointInput
        {
            Name = "钉钉售后群 " + number, Kind = WebhookKind.DingTalk, Url = factory.Url("/robot/send?access_token=abc"), Secret = secret, Events = "request.closed",
        }, null);
        var input = ReminderRules.NewInput();
        input.Name = "Robot " + number;
        input.OffsetDays = "30";
        (input.QuietFrom, input.QuietUntil) = (null, null);
        (input.Email, input.Sms, input.Robot, input.RobotEndpointId) = (false, true, true, robot.Id);
        Assert.Equal(ReminderSaveStatus.Saved, (await scope.ServiceProvider.GetRequiredService<ReminderBook>().SaveAsync(null, input, null)).Status);

        var scan = factory.Services.GetRequiredService<ReminderScan>();
        await Task.WhenAll(scan.RunAsync(), scan.RunAsync());
        var poll = factory.Services.GetRequiredService<OutboxPoll>();
        await poll.RunAsync();
        await scan.RunAsync();
        await poll.RunAsync();

        var call = Assert.Single(factory.Received, c => c.Body.Contains(number, StringComparison.Ordinal));
        Assert.Equal("/robot/send", call.Path);
        var query = System.Web.HttpUtility.ParseQueryString(call.Query);
        Assert.Equal("abc", query["access_token"]);
        var timestamp = long.Parse(query["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        // DingTalk: Base64(HMAC-SHA256(key = secret, "{timestamp}\n{secret}")), checked here without the product's code.
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
        Assert.Equal(expected, query["sign"]);
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(timestamp), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal("markdown", body["msgtype"]!.GetValue<string>());
        Assert.Contains(today.AddDays(30).ToString("yyyy-MM-dd"), body["markdown"]!["text"]!.GetValue<string>());

        var sms = Assert.Single(factory.Texts, t => t.Text.Contains(number, StringComparison.Ordinal));
        Assert.Equal("13900001111", sms.Phone);
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Link == $"warranty?sn={number}").ToListAsync();
        Assert.Equal([DeliveryChannel.Sms, DeliveryChannel.Robot], rows.Select(r => r.Channel).Order());
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
    }

    [Fact]
    public async Task MailTheCustomerOnceForAUnitLeavingWarrantyIn30DaysAndCancelTheRestWhenItIsRenewed()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var today = TenantTime.TodayFor(await factory.TenantAsync("demo"), DateTimeOffset.UtcNow);
        var customer = await NewCustomerAsync(scope, phone: null, email: $"leaving-{Guid.NewGuid():N}@customer.example");
        var number = await RegisterAsync(scope, customer, warrantyEnd: today.AddDays(30));
        var input = ReminderRules.NewInput();
        input.Name = "Leaving " + number;
        (input.QuietFrom, input.QuietUntil) = (null, null);
        var ruleId = (await scope.ServiceProvider.GetRequiredService<ReminderBook>().SaveAsync(null, input, null)).Id!.Value;

        var scan = factory.Services.GetRequiredService<ReminderScan>();
        await Task.WhenAll(scan.RunAsync(), scan.RunAsync());
        await factory.Services.GetRequiredService<OutboxPoll>().RunAsync();
        await scan.RunAsync();
        await factory.Services.GetRequiredService<OutboxPoll>().RunAsync();

        var mail = Assert.Single(factory.PlatformMails, m => m.Body.Contains(number, StringComparison.Ordinal));
        Assert.Equal(customer.Email, mail.To);
        Assert.Contains(today.AddDays(30).ToString("yyyy-MM-dd"), mail.Subject);

        // Renewed: the 7-day reminder of the old end is cancelled, nothing more is mailed.
        Assert.Equal(ExtendStatus.Saved, (await scope.ServiceProvider.GetRequiredService<SerialRegistry>().ExtendAsync(number, today.AddDays(30), today.AddDays(395), "延保", 100m)).Status);
        await scan.RunAsync();
        await factory.Services.GetRequiredService<OutboxPoll>().RunAsync();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var unitId = (await db.SerialNumbers.AsNoTracking().SingleAsync(s => s.Number == number)).Id;
        var reminders = await db.DueReminders.AsNoTracking().Where(r => r.RuleId == ruleId && r.SerialNumberId == unitId).OrderBy(r => r.DueDate).ToListAsync();
        Assert.Equal([(30, DueReminderState.Sent), (7, DueReminderState.Cancelled)], reminders.Select(r => (r.OffsetDays, r.State)));
        Assert.Single(factory.PlatformMails, m => m.Body.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GreetABirthdayOnceAndOpenFollowUpTasksOnceFromTheScan()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var tenant = await factory.TenantAsync("demo");
        var today = TenantTime.TodayFor(tenant, DateTimeOffset.UtcNow);
        var customer = await NewCustomerAsync(scope, phone: "13900002222", email: $"birthday-{Guid.NewGuid():N}@customer.example", birthday: new DateOnly(1990, today.Month, Math.Min(today.Day, 28)));
        var bought = await RegisterAsync(scope, customer, warrantyEnd: today.AddDays(300), purchased: today.AddDays(-7));
        var book = scope.ServiceProvider.GetRequiredService<ReminderBook>();
        var birthday = ReminderKinds.NewInput(ReminderKind.Birthday);
        birthday.Name = "Birthday " + customer.Code;
        (birthday.QuietFrom, birthday.QuietUntil) = (null, null);
        Assert.Equal(ReminderSaveStatus.Saved, (await book.SaveAsync(null, birthday, null)).Status);
        var followUp = ReminderKinds.NewInput(ReminderKind.FollowUpAfterPurchase);
        followUp.Name = "Call after purchase " + customer.Code;
        followUp.InApp = false;
        var followUpRule = (await book.SaveAsync(null, followUp, null)).Id!.Value;
        var afterClose = ReminderKinds.NewInput(ReminderKind.FollowUpAfterClose);
        afterClose.Name = "Call after closing " + customer.Code;
        afterClose.OffsetDays = "2";
        var closeRule = (await book.SaveAsync(null, afterClose, null)).Id!.Value;

        // A request of this customer closed two days ago (at noon of the tenant's day, whatever the zone).
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var request = await db.ServiceRequests.FirstAsync(r => r.StatusCategory != AfterSales.Workflows.Definitions.StatusCategory.Done);
        request.CustomerId = customer.Id;
        request.StatusCategory = AfterSales.Workflows.Definitions.StatusCategory.Done;
        request.ClosedAt = tenant.MidnightUtc(today.AddDays(-2)).AddHours(12);
        await db.SaveChangesAsync();

        var scan = factory.Services.GetRequiredService<ReminderScan>();
        await Task.WhenAll(scan.RunAsync(), scan.RunAsync());
        await scan.RunAsync();

        // Once now (day must match a 28-day-capped birthday; on the 29th–31st the greeting is planned ahead instead).
        var greetings = await db.OutboxMessages.AsNoTracking().Where(m => m.TemplateKey == "care.birthday" && m.Recipient == customer.Email).ToListAsync();
        Assert.Equal(today.Day <= 28 ? 1 : 0, greetings.Count);
        Assert.Single(await db.DueReminders.AsNoTracking().Where(r => r.CustomerId == customer.Id).ToListAsync());

        var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => t.CustomerId == customer.Id).ToListAsync();
        Assert.Equal(2, tasks.Count);
        var afterPurchase = Assert.Single(tasks, t => t.RuleId == followUpRule);
        Assert.Equal((today, Roles.Agent, false), (afterPurchase.DueDate, afterPurchase.AssigneeRole, afterPurchase.IsDone));
        Assert.Contains(bought, afterPurchase.Notes);
        var afterClosing = Assert.Single(tasks, t => t.RuleId == closeRule);
        Assert.Equal((today, request.Id), (afterClosing.DueDate, afterClosing.ServiceRequestId));
        Assert.Contains(request.Number, afterClosing.Subject);
        // The agents hear of the closed-request call in the bell, which leads to the task.
        Assert.Contains(await db.OutboxMessages.AsNoTracking().Where(m => m.Channel == DeliveryChannel.InApp && m.TemplateKey == "care.follow-up-closed").ToListAsync(),
            m => m.Link == $"follow-ups/{afterClosing.Id}");

        // Marked done with a note; a second person working from the stale copy gets a conflict.
        var desk = scope.ServiceProvider.GetRequiredService<FollowUpDesk>();
        Assert.Equal(FollowUpStatus.Saved, await desk.CompleteAsync(afterPurchase.Id, "客户满意，已安装", afterPurchase.ConcurrencyStamp));
        Assert.Equal(FollowUpStatus.Conflict, await desk.CompleteAsync(afterPurchase.Id, "again", afterPurchase.ConcurrencyStamp));
        var open = await desk.ListAsync(new FollowUpQuery(FollowUpState.Open, Search: customer.Name));
        Assert.Equal([afterClosing.Id], open.Items.Select(i => i.Id));
        var done = (await desk.GetAsync(afterPurchase.Id))!.Value.Task;
        Assert.Equal((true, "客户满意，已安装"), (done.IsDone, done.Notes));
    }

    [Fact]
    public async Task KeepALedgerWithAPointsBalanceAndKeepLedgersAndTasksToTheirTenant()
    {
        Customer customer;
        Guid entryId, taskId;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            customer = await NewCustomerAsync(demo, phone: null, email: null);
            var ledger = demo.ServiceProvider.GetRequiredService<CareLedger>();
            var today = TenantTime.TodayFor(await factory.TenantAsync("demo"), DateTimeOffset.UtcNow);
            Assert.Empty((await ledger.AddAsync(customer.Id, new CareEntryInput { Date = today, Kind = CareEntryKind.Points, Description = "购机积分", Points = 800 }))!);
            Assert.Empty((await ledger.AddAsync(customer.Id, new CareEntryInput { Date = today, Kind = CareEntryKind.Points, Description = "兑换滤芯", Points = -300 }))!);
            Assert.Empty((await ledger.AddAsync(customer.Id, new CareEntryInput { Date = today, Kind = CareEntryKind.Gift, Description = "中秋月饼" }))!);
            // Bad input is refused with the field and nothing is kept.
            var refused = (await ledger.AddAsync(customer.Id, new CareEntryInput { Date = today.AddDays(1), Kind = CareEntryKind.Points, Description = " ", Points = 0 }))!;
            Assert.Equal(["Date", "Description", "Points"], refused.Keys.Order());
            var page = (await ledger.ForCustomerAsync(customer.Id))!;
            Assert.Equal((3, 500L), (page.Entries.Count, page.PointsBalance));
            Assert.All(page.Entries, e => Assert.Equal("—", e.ByName));
            entryId = page.Entries.Single(e => e.Kind == CareEntryKind.Gift).Id;
            Assert.Null(page.Entries.Single(e => e.Kind == CareEntryKind.Gift).Points);

            var desk = demo.ServiceProvider.GetRequiredService<FollowUpDesk>();
            Assert.Empty((await desk.CreateAsync(customer.Id, new FollowUpInput { Subject = "询问积分兑换意向", DueDate = today.AddDays(2), AssigneeRole = Roles.Agent }))!);
            Assert.Equal(["AssigneeRole", "Subject"], (await desk.CreateAsync(customer.Id, new FollowUpInput { Subject = "", DueDate = today, AssigneeRole = "Boss" }))!.Keys.Order());
            taskId = (await desk.ListAsync(new FollowUpQuery(CustomerId: customer.Id))).Items.Single().Id;
        }

        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var ledger = acme.ServiceProvider.GetRequiredService<CareLedger>();
            Assert.Null(await ledger.GetAsync(entryId));
            Assert.False(await ledger.DeleteAsync(entryId));
            Assert.Null(await ledger.ForCustomerAsync(customer.Id));
            Assert.Null(await ledger.AddAsync(customer.Id, new CareEntryInput { Date = new DateOnly(2026, 1, 1), Kind = CareEntryKind.Gift, Description = "x" }));
            var desk = acme.ServiceProvider.GetRequiredService<FollowUpDesk>();
            Assert.Null(await desk.GetAsync(taskId));
            Assert.Equal(FollowUpStatus.NotFound, await desk.CompleteAsync(taskId, "taken over", ""));
            Assert.Null(await desk.CreateAsync(customer.Id, new FollowUpInput { Subject = "x", DueDate = new DateOnly(2026, 1, 1) }));
            Assert.DoesNotContain((await desk.ListAsync(new FollowUpQuery(FollowUpState.All, Take: 100))).Items, t => t.Id == taskId);
        }

        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            Assert.True(await demo.ServiceProvider.GetRequiredService<CareLedger>().DeleteAsync(entryId));
            Assert.Equal(2, (await demo.ServiceProvider.GetRequiredService<CareLedger>().ForCustomerAsync(customer.Id))!.Entries.Count);
        }

        var acmeAdmin = factory.CreateBrowser();
        await acmeAdmin.LoginAsync("/t/acme", "admin@acme.example");
        Assert.Equal(HttpStatusCode.NotFound, (await acmeAdmin.GetAsync($"/t/acme/follow-ups/{taskId}")).StatusCode);
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        var (page2, html) = await agent.GetPageAsync($"/t/demo/follow-ups/{taskId}");
        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
        Assert.Contains("询问积分兑换意向", html);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/t/demo/follow-ups")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync("/t/demo/admin/mail")).StatusCode);
        var engineer = factory.CreateBrowser();
        await engineer.LoginAsync("/t/demo", "engineer@demo.example");
        Assert.NotEqual(HttpStatusCode.OK, (await engineer.GetAsync("/t/demo/follow-ups")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await engineer.GetAsync($"/t/demo/follow-ups/{taskId}")).StatusCode);
    }

    [Fact]
    public async Task SendATenantsMailThroughItsOwnServerAndKeepItsPasswordProtected()
    {
        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            var book = acme.ServiceProvider.GetRequiredService<MailSettingsBook>();
            Assert.Equal(["FromAddress", "Host", "Port"], (await book.SaveAsync(new MailSettingsInput { Host = "bad host!", Port = 0, FromAddress = "nobody" })).Errors!.Keys.Order());
            Assert.Equal(MailSaveStatus.Saved, (await book.SaveAsync(new MailSettingsInput
            {
                Host = "smtp.acme.example", Port = 465, Tls = MailTls.SslOnConnect, UserName = "service@acme.example", Password = "s3cret-pass",
                FromAddress = "service@acme.example", FromName = "Acme 售后",
            })).Status);
            var shown = (await book.GetAsync())!;
            Assert.Null(shown.Password);
            Assert.True(shown.HasPassword);
            using var db = acme.ServiceProvider.GetRequiredService<IDbFactory<INotificationsDb>>().Create();
            var stored = await db.TenantMailSettings.AsNoTracking().SingleAsync();
            Assert.DoesNotContain("s3cret-pass", stored.ProtectedPassword);
            // Saved again without a password: the kept one stays; a stale copy is a conflict.
            shown.FromName = "Acme 公司售后";
            Assert.Equal(MailSaveStatus.Saved, (await book.SaveAsync(shown)).Status);
            Assert.Equal(MailSaveStatus.Conflict, (await book.SaveAsync(shown)).Status);
            Assert.Null(await book.SendTestAsync("admin@acme.example", "Test", "<p>Test</p>"));
            db.OutboxMessages.Add(new OutboxMessage
            {
                Channel = DeliveryChannel.Email, Recipient = "tenant-mail@customer.example", TemplateKey = "test", Subject = "Via the tenant", Body = "<p>x</p>",
                CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            Assert.Null(await demo.ServiceProvider.GetRequiredService<MailSettingsBook>().GetAsync());
            using var db = demo.ServiceProvider.GetRequiredService<IDbFactory<INotificationsDb>>().Create();
            db.OutboxMessages.Add(new OutboxMessage
            {
                Channel = DeliveryChannel.Email, Recipient = "platform-mail@customer.example", TemplateKey = "test", Subject = "Via the platform", Body = "<p>x</p>",
                CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await factory.Services.GetRequiredService<OutboxPoll>().RunAsync();

        var test = Assert.Single(factory.ServerMails, m => m.To == "admin@acme.example");
        Assert.Equal(new MailServer("smtp.acme.example", 465, MailTls.SslOnConnect, "service@acme.example", "s3cret-pass", "service@acme.example", "Acme 公司售后"), test.Server);
        var viaTenant = Assert.Single(factory.ServerMails, m => m.To == "tenant-mail@customer.example");
        Assert.Equal(("smtp.acme.example", "s3cret-pass", "Acme 公司售后"), (viaTenant.Server.Host, viaTenant.Server.Password, viaTenant.Server.FromName));
        Assert.DoesNotContain(factory.PlatformMails, m => m.To == "tenant-mail@customer.example");
        Assert.Single(factory.PlatformMails, m => m.To == "platform-mail@customer.example");
        Assert.DoesNotContain(factory.ServerMails, m => m.To == "platform-mail@customer.example");

        // Removed: the platform's server sends the tenant's mail again.
        await using var again = await factory.TenantScopeAsync("acme");
        Assert.True(await again.ServiceProvider.GetRequiredService<MailSettingsBook>().DeleteAsync());
        await again.ServiceProvider.GetRequiredService<TenantMail>().SendAsync("after-removal@customer.example", "Back", "<p>x</p>");
        Assert.Single(factory.PlatformMails, m => m.To == "after-removal@customer.example");
    }

    private static async Task<Customer> NewCustomerAsync(IServiceScope scope, string? phone, string? email, DateOnly? birthday = null)
    {
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IRemindersDb>>().Create();
        var code = "CARE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var customer = new Customer { Code = code, Name = "关怀客户 " + code, Kind = CustomerKind.Individual, Phone = phone, Email = email, Birthday = birthday };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    }

    private static async Task<string> RegisterAsync(IServiceScope scope, Customer customer, DateOnly warrantyEnd, DateOnly? purchased = null)
    {
        var number = "CARE-SN-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var saved = await scope.ServiceProvider.GetRequiredService<SerialRegistry>().RegisterAsync(new SerialInput
        {
            Number = number, ModelCode = "KT-35", CustomerCode = customer.Code, PurchaseDate = purchased, WarrantyStart = warrantyEnd.AddDays(-365), WarrantyEnd = warrantyEnd,
        });
        Assert.Equal(SerialSaveStatus.Saved, saved.Status);
        return number;
    }

    public sealed record Call(string Path, string Query, string Body);

    public sealed record Mail(string To, string Subject, string Body);

    public sealed record ServerMail(MailServer Server, string To, string Subject);

    public sealed record Sms(string Phone, string Text);

    /// <summary>
    /// The host with a Kestrel server standing in for a DingTalk robot (answers as DingTalk does), and seams recording what the
    /// platform's mail sender, a tenant's SMTP transport and the SMS sender are given.
    /// </summary>
    public sealed class CareFactory : AppFactory, IAppEmailSender, IMailTransport, ISmsSender
    {
        private readonly WebApplication _receiver;
        private readonly string _base;

        public CareFactory()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _receiver = builder.Build();
            _receiver.MapPost("/{**path}", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                Received.Enqueue(new Call(request.Path, request.QueryString.Value ?? "", await reader.ReadToEndAsync()));
                return Results.Text("""{"errcode":0,"errmsg":"ok"}""", "application/json");
            });
            _receiver.StartAsync().GetAwaiter().GetResult();
            _base = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        }

        public ConcurrentQueue<Call> Received { get; } = [];
        public ConcurrentQueue<Mail> PlatformMails { get; } = [];
        public ConcurrentQueue<ServerMail> ServerMails { get; } = [];
        public ConcurrentQueue<Sms> Texts { get; } = [];

        public string Url(string path) => _base + path;

        public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
        {
            PlatformMails.Enqueue(new Mail(to, subject, htmlBody));
            return Task.CompletedTask;
        }

        public Task SendAsync(MailServer server, string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
        {
            ServerMails.Enqueue(new ServerMail(server, to, subject));
            return Task.CompletedTask;
        }

        Task ISmsSender.SendAsync(string phone, string text, CancellationToken cancellationToken)
        {
            Texts.Enqueue(new Sms(phone, text));
            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            await _receiver.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(WebhookAddresses.AllowPrivateNetworksKey, "true");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IAppEmailSender>(this);
                services.AddSingleton<IMailTransport>(this);
                services.AddSingleton<ISmsSender>(this);
            });
        }
    }
}

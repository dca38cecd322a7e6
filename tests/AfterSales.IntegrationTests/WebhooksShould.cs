using System.Collections.Concurrent;
using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Webhooks;
using AfterSales.Workflows.Actions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The workflow's webhook action to configured endpoints only, signed, retried, logged, and kept to its tenant.</summary>
public sealed class WebhooksShould(WebhooksShould.ReceiverFactory factory) : IClassFixture<WebhooksShould.ReceiverFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task PostASignedEventToTheConfiguredEndpointsOnceAndRetryOneThatFails()
    {
        string secret;
        string number;
        Guid[] heard;
        Guid quiet;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var book = scope.ServiceProvider.GetRequiredService<WebhookBook>();
            var erp = await book.SaveAsync(null, new EndpointInput { Name = "ERP", Url = "https://erp.example/hooks/aftersales", Events = "request.locked" }, null);
            var robot = await book.SaveAsync(null, new EndpointInput
            {
                Name = "钉钉群", Kind = WebhookKind.DingTalk, Url = "https://robot.example/send?access_token=t", Secret = "SEC123", Events = "*",
            }, null);
            var failing = await book.SaveAsync(null, new EndpointInput { Name = "Broken", Url = "https://broken.example/hook", Events = "request.locked" }, null);
            quiet = (await book.SaveAsync(null, new EndpointInput { Name = "Quiet", Url = "https://quiet.example/hook", Events = "request.closed" }, null)).Id!.Value;
            secret = erp.NewSecret!;
            heard = [erp.Id!.Value, robot.Id!.Value, failing.Id!.Value];
            Assert.Null(robot.NewSecret);

            number = await CallAsync(scope, new CallWebhookAction { Url = "endpoint:ERP", Event = "request.locked" });
        }

        var poll = factory.Services.GetRequiredService<WebhookPoll>();
        var accepted = await poll.RunAsync();
        var again = await poll.RunAsync();

        await using var check = await factory.TenantScopeAsync("demo");
        var (log, _) = await check.ServiceProvider.GetRequiredService<WebhookBook>().DeliveriesAsync(new DeliveryFilter(), 0, 100);
        var mine = log.Where(d => d.RequestNumber == number).ToList();
        var erpCall = Assert.Single(factory.Received, r => r.Url.StartsWith("https://erp.example", StringComparison.Ordinal) && r.Body.Contains(number, StringComparison.Ordinal));
        var robotCall = Assert.Single(factory.Received, r => r.Url.StartsWith("https://robot.example", StringComparison.Ordinal) && r.Body.Contains(number, StringComparison.Ordinal));
        Assert.True(accepted >= 2);
        Assert.Equal(0, again);
        Assert.All(heard, id => Assert.Single(mine, d => d.EndpointId == id));
        Assert.DoesNotContain(mine, d => d.EndpointId == quiet);
        Assert.True(WebhookRules.VerifyGeneric(secret, erpCall.Signature!, erpCall.Body, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        Assert.Contains("\"event\":\"request.locked\"", erpCall.Body, StringComparison.Ordinal);
        Assert.Contains("&timestamp=", robotCall.Url, StringComparison.Ordinal);
        Assert.Contains("&sign=", robotCall.Url, StringComparison.Ordinal);
        var broken = mine.Single(d => d.EndpointId == heard[2]);
        Assert.All(mine.Where(d => d.EndpointId == heard[0] || d.EndpointId == heard[1]), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal((DeliveryStatus.Pending, 1, 500, "HTTP 500"), (broken.Status, broken.Attempts, broken.ResponseStatus, broken.LastError));
        Assert.True(broken.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(50));
    }

    [Fact]
    public async Task CallNoAddressThatNoAdminConfigured()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var number = await CallAsync(scope, new CallWebhookAction { Url = "https://attacker.example/steal", Event = "nobody.listens" });
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var request = await db.ServiceRequests.SingleAsync(r => r.Number == number);

        Assert.Equal(0, await db.WebhookDeliveries.CountAsync(d => d.RequestNumber == number));
        Assert.Contains(await db.RequestEvents.Where(e => e.ServiceRequestId == request.Id).ToListAsync(),
            e => e.Kind == RequestEventKind.Comment && e.Text!.Contains("https://attacker.example/steal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeepEndpointsAndTheirLogToTheirTenantAndRefuseBadOnes()
    {
        Guid endpoint;
        long delivery;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var book = demo.ServiceProvider.GetRequiredService<WebhookBook>();
            endpoint = (await book.SaveAsync(null, new EndpointInput { Name = "Only demo", Url = "https://demo-erp.example/hook" }, null)).Id!.Value;
            Assert.True(await book.PingAsync(endpoint));
            delivery = (await book.DeliveriesAsync(new DeliveryFilter(endpoint), 0, 10)).Items.Single().Id;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeBook = acme.ServiceProvider.GetRequiredService<WebhookBook>();
        var plainHttp = await acmeBook.SaveAsync(null, new EndpointInput { Name = "Plain", Url = "http://erp.example/hook" }, null);
        var noSecret = await acmeBook.SaveAsync(null, new EndpointInput { Name = "飞书", Kind = WebhookKind.Feishu, Url = "https://open.feishu.example/hook" }, null);

        Assert.False(await acmeBook.PingAsync(endpoint));
        Assert.False(await acmeBook.DeleteAsync(endpoint));
        Assert.False(await acmeBook.RedeliverAsync(delivery));
        Assert.Equal(EndpointSaveStatus.NotFound, (await acmeBook.SaveAsync(endpoint, new EndpointInput { Name = "x", Url = "https://x.example" }, null)).Status);
        Assert.DoesNotContain(await acmeBook.EndpointsAsync(), e => e.Id == endpoint);
        Assert.Empty((await acmeBook.DeliveriesAsync(new DeliveryFilter(endpoint), 0, 10)).Items);
        Assert.Null(await acmeBook.EndpointAsync(endpoint));
        Assert.Null(await acmeBook.DeliveryAsync(delivery));
        Assert.Equal("Webhooks.Validation.Https", plainHttp.Errors!["Url"]);
        Assert.Equal("Webhooks.Validation.Secret", noSecret.Errors!["Secret"]);

        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var acmeAdmin = factory.CreateBrowser();
        await acmeAdmin.LoginAsync("/t/acme", "admin@acme.example");
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        var (endpointPage, endpointHtml) = await admin.GetPageAsync($"/t/demo/admin/webhooks/{endpoint}");
        var (deliveryPage, deliveryHtml) = await admin.GetPageAsync($"/t/demo/admin/webhooks/deliveries/{delivery}");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync("/t/demo/admin/webhooks")).Response.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (endpointPage.StatusCode, deliveryPage.StatusCode));
        Assert.Contains("Only demo", endpointHtml, StringComparison.Ordinal);
        Assert.Contains("\"event\": \"ping\"", deliveryHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await acmeAdmin.GetAsync($"/t/acme/admin/webhooks/{endpoint}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acmeAdmin.GetAsync($"/t/acme/admin/webhooks/deliveries/{delivery}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync("/t/demo/admin/webhooks")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync($"/t/demo/admin/webhooks/{endpoint}")).StatusCode);
    }

    // A request taken and the action run in its unit of work, as a transition does, then stored.
    private static async Task<string> CallAsync(AsyncServiceScope scope, CallWebhookAction action)
    {
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
        var tenant = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.Identifier;
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = tenant == "demo" ? "C1001" : "AC-501", Subject = "Webhook" }, Agent)).Number!;
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var request = await db.ServiceRequests.SingleAsync(r => r.Number == number);
        var handler = scope.ServiceProvider.GetServices<IRequestActionHandler>().OfType<WebhookHandler>().Single();
        await handler.HandleAsync(new RequestActionContext(db, request, action, "lock", new Dictionary<string, object?>(), Agent, DateTimeOffset.UtcNow,
            new AfterSales.Workflows.Definitions.LocalizedText("已锁定", "Locked")), CancellationToken.None);
        await db.SaveChangesAsync();
        return number;
    }

    public sealed record Call(string Url, string Body, string? Signature);

    /// <summary>The host with receivers in place of the internet: broken.example answers 500, robots answer their code 0.</summary>
    public sealed class ReceiverFactory : AppFactory
    {
        public ConcurrentBag<Call> Received { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddHttpClient(WebhookPoll.ClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new Receiver(this)));
        }

        private sealed class Receiver(ReceiverFactory factory) : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = await request.Content!.ReadAsStringAsync(cancellationToken);
                var signature = request.Headers.TryGetValues(WebhookRules.SignatureHeader, out var values) ? values.Single() : null;
                factory.Received.Add(new Call(request.RequestUri!.ToString(), body, signature));
                return request.RequestUri!.Host switch
                {
                    "broken.example" => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("boom") },
                    "robot.example" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"errcode":0,"errmsg":"ok"}""") },
                    _ => new HttpResponseMessage(HttpStatusCode.NoContent),
                };
            }
        }
    }
}

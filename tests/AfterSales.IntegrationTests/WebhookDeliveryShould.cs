using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Webhooks;
using AfterSales.Modules.Workflow;
using AfterSales.Workflows.Actions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.IntegrationTests;

/// <summary>
/// A transition's webhooks end to end, against a real HTTP server on this machine: queued with the transition (and only then),
/// posted once, signed so the receiver can check it, retried with back-off until given up, and kept off private networks when
/// the configuration says so.
/// </summary>
public sealed class WebhookDeliveryShould(WebhookDeliveryShould.ReceiverFactory factory) : IClassFixture<WebhookDeliveryShould.ReceiverFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task PostATransitionsEventOnceToEachEndpointThatHearsItSignedAsDocumented()
    {
        string secret;
        string number;
        Guid erp, lark, quiet, off;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var book = scope.ServiceProvider.GetRequiredService<WebhookBook>();
            var created = await book.SaveAsync(null, new EndpointInput { Name = "ERP", Url = factory.Url("/erp"), Events = "request.locked" }, null);
            (secret, erp) = (created.NewSecret!, created.Id!.Value);
            lark = (await book.SaveAsync(null, new EndpointInput
            {
                Name = "飞书群", Kind = WebhookKind.Feishu, Url = factory.Url("/feishu"), Secret = "lark-secret", Events = "request.assigned, request.locked",
            }, null)).Id!.Value;
            quiet = (await book.SaveAsync(null, new EndpointInput { Name = "Quiet", Url = factory.Url("/quiet"), Events = "request.closed" }, null)).Id!.Value;
            off = (await book.SaveAsync(null, new EndpointInput { Name = "Off", Url = factory.Url("/off"), Events = "*", IsActive = false }, null)).Id!.Value;
            await PublishWithWebhookAsync(scope, new CallWebhookAction { Url = "endpoint:ERP", Event = "request.assigned" });

            var (desk, workflow) = (scope.ServiceProvider.GetRequiredService<RequestDesk>(), scope.ServiceProvider.GetRequiredService<RequestWorkflow>());
            var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
            number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "Webhook 测试" }, Agent)).Number!;
            var request = (await desk.GetAsync(number))!;
            var assign = await ServiceRequestsShould.FillAsync(workflow, request.Id, "Assign", Agent);

            // Refused transitions leave nothing to post: one on a stale copy, one that is not open in this status.
            Assert.Equal(ActionStatus.Conflict, (await workflow.FireAsync(number, "Assign", assign, null, "stale", Agent)).Status);
            Assert.Equal(ActionStatus.NotAllowed, (await workflow.FireAsync(number, "Close", new Dictionary<string, string?>(), null, request.ConcurrencyStamp, Agent)).Status);
            Assert.Equal(0, await Deliveries(scope).CountAsync(d => d.RequestNumber == number));
            Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, "Assign", assign, null, request.ConcurrencyStamp, Agent)).Status);
        }

        var poll = factory.Services.GetRequiredService<WebhookPoll>();
        Assert.Equal(2, await poll.RunAsync());
        Assert.Equal(0, await poll.RunAsync());

        await using var check = await factory.TenantScopeAsync("demo");
        var rows = await Deliveries(check).Where(d => d.RequestNumber == number).ToListAsync();
        Assert.Equal(new[] { erp, lark }.Order(), rows.Select(d => d.EndpointId).Order());
        Assert.DoesNotContain(rows, d => d.EndpointId == quiet || d.EndpointId == off);
        Assert.All(rows, d => Assert.Equal((DeliveryStatus.Sent, 1, "request.assigned"), (d.Status, d.Attempts, d.Event)));

        var toErp = Assert.Single(factory.Received, r => r.Path == "/erp");
        var signature = toErp.Header(WebhookRules.SignatureHeader)!;
        var t = signature.Split(',')[0]["t=".Length..];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{toErp.Body}")));
        Assert.Equal($"t={t},v1={expected}", signature);
        Assert.True(WebhookRules.VerifyGeneric(secret, signature, toErp.Body, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        Assert.Equal(("request.assigned", rows.Single(d => d.EndpointId == erp).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (toErp.Header(WebhookRules.EventHeader), toErp.Header(WebhookRules.DeliveryHeader)));
        var payload = JsonNode.Parse(toErp.Body)!;
        Assert.Equal((number, "demo", "Assigned", "ONSITE"), (payload["number"]!.GetValue<string>(), payload["tenant"]!.GetValue<string>(),
            payload["status"]!.GetValue<string>(), payload["type"]!.GetValue<string>()));
        Assert.EndsWith($"/t/demo/requests/{number}", payload["link"]!.GetValue<string>(), StringComparison.Ordinal);

        var toLark = JsonNode.Parse(Assert.Single(factory.Received, r => r.Path == "/feishu").Body)!;
        var timestamp = toLark["timestamp"]!.GetValue<string>();
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\nlark-secret"), Array.Empty<byte>()));
        Assert.Equal(sign, toLark["sign"]!.GetValue<string>());
        Assert.Contains(number, toLark["content"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Received, r => r.Path is "/quiet" or "/off");
    }

    [Fact]
    public async Task RetryAFailingEndpointWithLongerWaitsAndGiveUpAfterTheSixthAttempt()
    {
        long id;
        await using (var scope = await factory.TenantScopeAsync("acme"))
        {
            var book = scope.ServiceProvider.GetRequiredService<WebhookBook>();
            var broken = (await book.SaveAsync(null, new EndpointInput { Name = "Broken", Url = factory.Url("/fail"), Events = "nothing.here" }, null)).Id!.Value;
            Assert.True(await book.PingAsync(broken));
            id = (await book.DeliveriesAsync(new DeliveryFilter(broken), 0, 10)).Items.Single().Id;
        }

        var poll = factory.Services.GetRequiredService<WebhookPoll>();
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            await poll.RunAsync();
            await using var scope = await factory.TenantScopeAsync("acme");
            var row = await Deliveries(scope).SingleAsync(d => d.Id == id);
            Assert.Equal(Math.Min(attempt, 6), row.Attempts);
            if (row.Status == DeliveryStatus.Pending)
            {
                waits.Add(row.NextAttemptAt - DateTimeOffset.UtcNow);
                await Deliveries(scope).Where(d => d.Id == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
            }
        }

        await using var check = await factory.TenantScopeAsync("acme");
        var failed = await Deliveries(check).SingleAsync(d => d.Id == id);
        var calls = factory.Received.Where(r => r.Path == "/fail").ToList();
        Assert.Equal((DeliveryStatus.Failed, 500, "HTTP 500", "boom"), (failed.Status, failed.ResponseStatus, failed.LastError, failed.Response));
        Assert.Equal(6, calls.Count);
        Assert.All(calls, c => Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Header(WebhookRules.DeliveryHeader)));
        TimeSpan[] schedule = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];
        Assert.Equal(schedule.Length, waits.Count);
        Assert.All(schedule.Zip(waits), pair => Assert.InRange(pair.Second, pair.First - TimeSpan.FromSeconds(30), pair.First));

        Assert.True(await check.ServiceProvider.GetRequiredService<WebhookBook>().RedeliverAsync(id));
        await poll.RunAsync();
        Assert.Equal(7, factory.Received.Count(r => r.Path == "/fail"));
    }

    [Fact]
    public async Task KeepOnlyTheStartOfALongAnswer()
    {
        long id;
        await using (var scope = await factory.TenantScopeAsync("acme"))
        {
            var book = scope.ServiceProvider.GetRequiredService<WebhookBook>();
            var big = (await book.SaveAsync(null, new EndpointInput { Name = "Chatty", Url = factory.Url("/big"), Events = "nothing.here" }, null)).Id!.Value;
            await book.PingAsync(big);
            id = (await book.DeliveriesAsync(new DeliveryFilter(big), 0, 10)).Items.Single().Id;
        }

        await factory.Services.GetRequiredService<WebhookPoll>().RunAsync();

        await using var check = await factory.TenantScopeAsync("acme");
        var row = await Deliveries(check).SingleAsync(d => d.Id == id);
        Assert.Equal((DeliveryStatus.Sent, 200), (row.Status, row.ResponseStatus));
        Assert.Equal(WebhookRules.ResponseLength, Encoding.UTF8.GetByteCount(row.Response!));
    }

    [Fact]
    public async Task RefuseToConnectToThisMachineUnlessPrivateNetworksAreAllowed()
    {
        // No proxy from the environment: the guard is about the connection this process makes itself.
        var guardedHandler = WebhookAddresses.Handler(allowPrivateNetworks: false);
        guardedHandler.UseProxy = false;
        using var guarded = new HttpClient(guardedHandler);
        using var open = new HttpClient(WebhookAddresses.Handler(allowPrivateNetworks: true));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => guarded.PostAsync(factory.Url("/guarded"), new StringContent("{}")));
        await Assert.ThrowsAsync<HttpRequestException>(() => guarded.PostAsync(factory.Url("/guarded").Replace("127.0.0.1", "localhost", StringComparison.Ordinal), new StringContent("{}")));
        var allowed = await open.PostAsync(factory.Url("/allowed"), new StringContent("{}"));

        Assert.Contains("private network", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Received, r => r.Path == "/guarded");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, allowed.StatusCode);
    }

    private static async Task PublishWithWebhookAsync(AsyncServiceScope scope, CallWebhookAction action)
    {
        var book = scope.ServiceProvider.GetRequiredService<WorkflowBook>();
        var (draft, stamp) = (await book.StartDraftAsync("ONSITE", null, "Admin"))!.Value;
        var withHook = draft with
        {
            Transitions = [.. draft.Transitions.Select(t => t.Key == "Assign" ? t with { Actions = [.. t.Actions, action] } : t)],
        };
        stamp = (await book.SaveDraftAsync(withHook, stamp))!;
        var published = await book.PublishAsync("ONSITE", stamp, await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().FieldKeysAsync(), "Admin");
        Assert.Equal(WorkflowPublishStatus.Published, published.Status);
    }

    private static DbSet<WebhookDelivery> Deliveries(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>().WebhookDeliveries;

    public sealed record Call(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }

    /// <summary>
    /// The host, and a Kestrel server on a free port of this machine standing in for the tenants' receivers: <c>/fail</c> answers
    /// 500, <c>/feishu</c> as a Feishu robot does, <c>/big</c> with a megabyte, anything else 204.
    /// </summary>
    public sealed class ReceiverFactory : AppFactory
    {
        private readonly WebApplication _receiver;
        private readonly string _base;

        public ReceiverFactory()
        {
            // Started before the host: the factory takes the first host built while it starts its own.
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _receiver = builder.Build();
            _receiver.MapPost("/{**path}", ReceiveAsync);
            _receiver.StartAsync().GetAwaiter().GetResult();
            _base = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        }

        public ConcurrentQueue<Call> Received { get; } = [];

        public string Url(string path) => _base + path;

        public override async ValueTask DisposeAsync()
        {
            await _receiver.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(WebhookAddresses.AllowPrivateNetworksKey, "true");
        }

        private async Task<IResult> ReceiveAsync(HttpRequest request)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue(new Call(request.Path, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            return request.Path.Value switch
            {
                "/fail" => Results.Text("boom", statusCode: 500),
                "/feishu" => Results.Text("""{"code":0,"msg":"success","data":{}}""", "application/json"),
                "/big" => Results.Text(new string('x', 1_000_000)),
                _ => Results.NoContent(),
            };
        }
    }
}

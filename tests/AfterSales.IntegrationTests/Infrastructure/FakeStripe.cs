using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal Stripe API on a local port: subscriptions (read, cancel) as the test sets them, customers, Checkout and
/// Customer Portal sessions. Records what it was asked, so tests can see what the host sent.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly WebApplication _app;

    public FakeStripe()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/v1/subscriptions/{id}", (string id) =>
            Subscriptions.TryGetValue(id, out var s) ? Results.Text(s.ToJsonString(), "application/json") : NotFound(id));
        _app.MapDelete("/v1/subscriptions/{id}", (string id) =>
        {
            if (!Subscriptions.TryGetValue(id, out var s))
            {
                return NotFound(id);
            }

            Canceled.Add(id);
            s["status"] = "canceled";
            return Results.Text(s.ToJsonString(), "application/json");
        });
        _app.MapPost("/v1/customers", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            Requests.Add(("customers", form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return Results.Text($$"""{"id":"cus_fake_{{Requests.Count}}","object":"customer"}""", "application/json");
        });
        _app.MapPost("/v1/checkout/sessions", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            Requests.Add(("checkout", form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return Results.Text("""{"id":"cs_fake_1","object":"checkout.session","url":"https://checkout.stripe.test/c/pay/cs_fake_1"}""", "application/json");
        });
        _app.MapPost("/v1/billing_portal/sessions", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            Requests.Add(("portal", form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return Results.Text("""{"id":"bps_fake_1","object":"billing_portal.session","url":"https://billing.stripe.test/p/session/bps_fake_1"}""", "application/json");
        });
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public const string SecretKey = "sk_test_fake";
    public const string WebhookSecret = "whsec_test_fake";
    public const string StandardMonthly = "price_standard_monthly";
    public const string ProfessionalMonthly = "price_professional_monthly";

    public string BaseUrl { get; }

    /// <summary>The subscriptions as Stripe would answer them now, by id.</summary>
    public ConcurrentDictionary<string, JsonObject> Subscriptions { get; } = new();

    public ConcurrentBag<string> Canceled { get; } = [];

    public ConcurrentBag<(string Kind, Dictionary<string, string> Form)> Requests { get; } = [];

    /// <summary>Sets the subscription's current state at the fake Stripe.</summary>
    public JsonObject SetSubscription(string id, string tenantId, string status, string price = StandardMonthly, string customer = "cus_1")
    {
        var subscription = Subscription(id, tenantId, status, price, customer);
        Subscriptions[id] = subscription;
        return subscription;
    }

    public static JsonObject Subscription(string id, string tenantId, string status, string price = StandardMonthly, string customer = "cus_1") => new()
    {
        ["id"] = id,
        ["object"] = "subscription",
        ["customer"] = customer,
        ["status"] = status,
        ["metadata"] = new JsonObject { [StripeGateway.TenantMetadataKey] = tenantId },
        ["items"] = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = "si_" + id,
                ["object"] = "subscription_item",
                ["current_period_end"] = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds(),
                ["price"] = new JsonObject { ["id"] = price, ["object"] = "price" },
            }),
        },
    };

    /// <summary>An event as Stripe sends it, in the library's API version.</summary>
    public static string Event(string id, string type, JsonObject data, DateTimeOffset? created = null) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = JsonNode.Parse(data.ToJsonString()) },
    }.ToJsonString();

    /// <summary>The <c>Stripe-Signature</c> header as Stripe computes it: <c>t=…,v1=HMAC-SHA256(secret, "{t}.{body}")</c>.</summary>
    public static string Sign(string body, string secret = WebhookSecret, DateTimeOffset? at = null)
    {
        var t = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private static IResult NotFound(string id) => Results.Json(
        new { error = new { type = "invalid_request_error", message = $"No such subscription: '{id}'" } }, statusCode: StatusCodes.Status404NotFound);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The host pointed at a <see cref="FakeStripe"/>, with a mail sender that keeps what it is given.</summary>
public sealed class BillingAppFactory : AppFactory, IAppEmailSender
{
    public FakeStripe Stripe { get; } = new();

    public ConcurrentBag<(string To, string Subject, string Body)> Mails { get; } = [];

    public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        Mails.Add((to, subject, htmlBody));
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:SecretKey", FakeStripe.SecretKey);
        builder.UseSetting("Stripe:WebhookSecret", FakeStripe.WebhookSecret);
        builder.UseSetting("Stripe:BaseUrl", Stripe.BaseUrl);
        builder.UseSetting("Stripe:Prices:standard:Monthly", FakeStripe.StandardMonthly);
        builder.UseSetting("Stripe:Prices:professional:Monthly", FakeStripe.ProfessionalMonthly);
        builder.UseSetting("Billing:GraceDays", "7");
        builder.ConfigureTestServices(services => services.AddSingleton<IAppEmailSender>(this));
    }

    /// <summary>A new self-service-style tenant (trial) with its admin <c>admin@{identifier}.example</c>.</summary>
    public async Task<TenantInfo> ProvisionAsync(string identifier)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().CreateAsync(
            new NewTenant(identifier, identifier + " Ltd.", "en", $"admin@{identifier}.example", "Admin", Password: Password, Trial: true));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return result.Tenant!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// <c>POST /webhooks/stripe</c> with payloads signed the way Stripe signs them, and a fake Stripe API that answers the
/// subscription's current state.
/// </summary>
public sealed class StripeWebhooksShould(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    [Fact]
    public async Task TakeACompletedCheckoutAsTheTenantsSubscription()
    {
        var tenant = await factory.ProvisionAsync("wh-checkout");
        factory.Stripe.SetSubscription("sub_checkout", tenant.Id, "active", customer: "cus_checkout");
        var session = new JsonObject
        {
            ["id"] = "cs_1", ["object"] = "checkout.session", ["client_reference_id"] = tenant.Id,
            ["customer"] = "cus_checkout", ["subscription"] = "sub_checkout", ["mode"] = "subscription",
        };

        var response = await PostAsync(FakeStripe.Event("evt_checkout", "checkout.session.completed", session));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await SubscriptionAsync(tenant.Id);
        Assert.Equal(SubscriptionStatus.Active, row.Status);
        Assert.Equal(Plan.Standard, row.PlanCode);
        Assert.Equal("sub_checkout", row.StripeSubscriptionId);
        Assert.Equal("cus_checkout", row.StripeCustomerId);
        Assert.NotNull(row.CurrentPeriodEnd);
        Assert.Equal(Plan.Standard, (await factory.TenantAsync("wh-checkout")).Plan);
        var stored = await EventAsync("evt_checkout");
        Assert.NotNull(stored!.ProcessedAt);
        Assert.Equal(tenant.Id, stored.TenantId);
    }

    [Fact]
    public async Task RefuseTamperedWronglySignedStaleAndUnsignedEventsWithoutChangingAnything()
    {
        var tenant = await factory.ProvisionAsync("wh-refuse");
        factory.Stripe.SetSubscription("sub_refuse", tenant.Id, "active");
        var body = FakeStripe.Event("evt_refused", "customer.subscription.updated", FakeStripe.Subscription("sub_refuse", tenant.Id, "active"));

        var tampered = await PostAsync(body.Replace("\"active\"", "\"canceled\""), FakeStripe.Sign(body));
        var wrongSecret = await PostAsync(body, FakeStripe.Sign(body, "whsec_someone_else"));
        var stale = await PostAsync(body, FakeStripe.Sign(body, at: DateTimeOffset.UtcNow.AddMinutes(-6)));
        var missing = await PostAsync(body, signature: null);
        var garbage = await PostAsync(body, "t=1,v1=00");

        Assert.All(new[] { tampered, wrongSecret, stale, missing, garbage }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Null(await EventAsync("evt_refused"));
        var row = await SubscriptionAsync(tenant.Id);
        Assert.Equal(SubscriptionStatus.Trialing, row.Status);
        Assert.Null(row.StripeSubscriptionId);
    }

    [Fact]
    public async Task ChangeNothingWhenAnEventIsDeliveredAgain()
    {
        var tenant = await factory.ProvisionAsync("wh-replay");
        factory.Stripe.SetSubscription("sub_replay", tenant.Id, "past_due");
        var body = FakeStripe.Event("evt_replay", "customer.subscription.created", FakeStripe.Subscription("sub_replay", tenant.Id, "past_due"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        var first = await SubscriptionAsync(tenant.Id);

        // Stripe's state moves on, but the replayed event is the same event: it must not be processed again.
        factory.Stripe.SetSubscription("sub_replay", tenant.Id, "active");
        var replay = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var after = await SubscriptionAsync(tenant.Id);
        Assert.Equal(SubscriptionStatus.PastDue, first.Status);
        Assert.Equal(SubscriptionStatus.PastDue, after.Status);
        Assert.Equal(first.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal(1, (await EventAsync("evt_replay"))!.Attempts);
    }

    [Fact]
    public async Task KeepTheCurrentStateWhenAnOlderUpdateArrivesLate()
    {
        var tenant = await factory.ProvisionAsync("wh-order");
        factory.Stripe.SetSubscription("sub_order", tenant.Id, "active", FakeStripe.ProfessionalMonthly);
        var older = FakeStripe.Event("evt_older", "customer.subscription.updated",
            FakeStripe.Subscription("sub_order", tenant.Id, "past_due"), DateTimeOffset.UtcNow.AddMinutes(-3));
        var newer = FakeStripe.Event("evt_newer", "customer.subscription.updated",
            FakeStripe.Subscription("sub_order", tenant.Id, "active", FakeStripe.ProfessionalMonthly), DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(newer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(older)).StatusCode);

        var row = await SubscriptionAsync(tenant.Id);
        Assert.Equal(SubscriptionStatus.Active, row.Status);
        Assert.Equal(Plan.Professional, row.PlanCode);
        Assert.Null(row.PastDueSince);
        Assert.NotNull((await EventAsync("evt_older"))!.ProcessedAt);
    }

    [Fact]
    public async Task FollowFailedAndPaidInvoicesAndADeletedSubscription()
    {
        var tenant = await factory.ProvisionAsync("wh-invoice");
        factory.Stripe.SetSubscription("sub_invoice", tenant.Id, "active");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(FakeStripe.Event("evt_inv_created", "customer.subscription.created",
            FakeStripe.Subscription("sub_invoice", tenant.Id, "active")))).StatusCode);

        factory.Stripe.SetSubscription("sub_invoice", tenant.Id, "past_due");
        await PostAsync(FakeStripe.Event("evt_inv_failed", "invoice.payment_failed", Invoice("sub_invoice")));
        var failed = await SubscriptionAsync(tenant.Id);

        factory.Stripe.SetSubscription("sub_invoice", tenant.Id, "active");
        await PostAsync(FakeStripe.Event("evt_inv_paid", "invoice.paid", Invoice("sub_invoice")));
        var paid = await SubscriptionAsync(tenant.Id);

        factory.Stripe.SetSubscription("sub_invoice", tenant.Id, "canceled");
        await PostAsync(FakeStripe.Event("evt_inv_deleted", "customer.subscription.deleted", FakeStripe.Subscription("sub_invoice", tenant.Id, "canceled")));
        var deleted = await SubscriptionAsync(tenant.Id);

        Assert.Equal(SubscriptionStatus.PastDue, failed.Status);
        Assert.NotNull(failed.PastDueSince);
        Assert.Equal(SubscriptionStatus.Active, paid.Status);
        Assert.Null(paid.PastDueSince);
        Assert.Equal(SubscriptionStatus.Canceled, deleted.Status);
        Assert.Equal(TenantAccess.ReadOnly, SubscriptionBook.AccessOf(deleted, DateTimeOffset.UtcNow, 7));
        Assert.NotNull(await factory.TenantAsync("wh-invoice"));
    }

    [Fact]
    public async Task IgnoreAReplacedSubscriptionAndCancelItOnAPlanChange()
    {
        var tenant = await factory.ProvisionAsync("wh-change");
        factory.Stripe.SetSubscription("sub_old", tenant.Id, "active");
        await PostAsync(FakeStripe.Event("evt_change_1", "customer.subscription.created", FakeStripe.Subscription("sub_old", tenant.Id, "active")));
        factory.Stripe.SetSubscription("sub_new", tenant.Id, "active", FakeStripe.ProfessionalMonthly);
        var session = new JsonObject
        {
            ["id"] = "cs_change", ["object"] = "checkout.session", ["client_reference_id"] = tenant.Id,
            ["customer"] = "cus_1", ["subscription"] = "sub_new", ["mode"] = "subscription",
        };

        await PostAsync(FakeStripe.Event("evt_change_2", "checkout.session.completed", session));
        await PostAsync(FakeStripe.Event("evt_change_3", "customer.subscription.deleted", FakeStripe.Subscription("sub_old", tenant.Id, "canceled")));

        var row = await SubscriptionAsync(tenant.Id);
        Assert.Equal("sub_new", row.StripeSubscriptionId);
        Assert.Equal(Plan.Professional, row.PlanCode);
        Assert.Equal(SubscriptionStatus.Active, row.Status);
        Assert.Contains("sub_old", factory.Stripe.Canceled);
    }

    [Fact]
    public async Task LogAFailureAndProcessTheEventWhenStripeDeliversItAgain()
    {
        var tenant = await factory.ProvisionAsync("wh-retry");
        var body = FakeStripe.Event("evt_retry", "customer.subscription.updated", FakeStripe.Subscription("sub_retry", tenant.Id, "active"));

        var first = await PostAsync(body);
        factory.Stripe.SetSubscription("sub_retry", tenant.Id, "active");
        var failure = await EventAsync("evt_retry");
        var second = await PostAsync(body);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.NotNull(failure!.Error);
        Assert.Null(failure.ProcessedAt);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var done = await EventAsync("evt_retry");
        Assert.Null(done!.Error);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(SubscriptionStatus.Active, (await SubscriptionAsync(tenant.Id)).Status);
    }

    [Fact]
    public async Task OpenCheckoutAndThePortalAtTheConfiguredStripe()
    {
        var tenant = await factory.ProvisionAsync("wh-gateway");
        await using var scope = factory.Services.CreateAsyncScope();
        var gateway = scope.ServiceProvider.GetRequiredService<StripeGateway>();

        var customer = await gateway.CreateCustomerAsync(tenant.Id, tenant.Name, "admin@wh-gateway.example");
        var checkout = await gateway.CreateCheckoutAsync(tenant.Id, customer, FakeStripe.StandardMonthly, "http://localhost/ok", "http://localhost/back");
        var portal = await gateway.CreatePortalAsync(customer, "http://localhost/back");

        Assert.StartsWith("https://checkout.stripe.test/", checkout, StringComparison.Ordinal);
        Assert.StartsWith("https://billing.stripe.test/", portal, StringComparison.Ordinal);
        var sent = factory.Stripe.Requests.Single(r => r.Kind == "checkout").Form;
        Assert.Equal(tenant.Id, sent["client_reference_id"]);
        Assert.Equal(FakeStripe.StandardMonthly, sent["line_items[0][price]"]);
        Assert.Equal(tenant.Id, sent["subscription_data[metadata][tenant_id]"]);
    }

    private static JsonObject Invoice(string subscriptionId) => new()
    {
        ["id"] = "in_" + Guid.NewGuid().ToString("N"),
        ["object"] = "invoice",
        ["customer"] = "cus_1",
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject { ["subscription"] = subscriptionId },
        },
    };

    private Task<HttpResponseMessage> PostAsync(string body) => PostAsync(body, FakeStripe.Sign(body));

    private async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    private async Task<TenantSubscription> SubscriptionAsync(string tenantId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IBillingDb>>().Create();
        return await db.TenantSubscriptions.AsNoTracking().SingleAsync(s => s.TenantId == tenantId);
    }

    private async Task<StripeEventRecord?> EventAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IBillingDb>>().Create();
        return await db.StripeEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace AfterSales.Modules.Billing;

/// <summary>What became of one delivery.</summary>
public enum WebhookOutcome
{
    Processed,
    Duplicate,
    Ignored,
    BadSignature,
    Failed,
}

/// <summary>
/// <c>POST /webhooks/stripe</c>: verifies the raw body's signature, stores the event by id, and processes it once.
/// Order does not matter: every event is only a hint to read the subscription's current state from Stripe.
/// </summary>
public sealed class StripeWebhook(
    IDbFactory<IBillingDb> dbFactory, StripeGateway gateway, IOptions<StripeOptions> stripe, TimeProvider clock, ITenantStore tenants,
    ILogger<StripeWebhook> logger)
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/stripe", async (HttpContext http, StripeWebhook webhook) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var json = await reader.ReadToEndAsync(http.RequestAborted);
            var outcome = await webhook.ReceiveAsync(json, http.Request.Headers["Stripe-Signature"].ToString(), http.RequestAborted);
            return outcome switch
            {
                WebhookOutcome.BadSignature => Results.BadRequest(),
                // A failure is answered with 500 so that Stripe delivers the event again later.
                WebhookOutcome.Failed => Results.StatusCode(StatusCodes.Status500InternalServerError),
                _ => Results.Ok(),
            };
        }).AllowAnonymous().DisableAntiforgery();

    public async Task<WebhookOutcome> ReceiveAsync(string json, string signature, CancellationToken cancellationToken = default)
    {
        Event stripeEvent;
        try
        {
            // The library's default tolerance (300 s) and its API version: an event of another version is refused too.
            stripeEvent = EventUtility.ConstructEvent(json, signature, stripe.Value.WebhookSecret ?? "", EventUtility.DefaultTimeTolerance,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: true);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe webhook refused: {Reason}", e.Message);
            return WebhookOutcome.BadSignature;
        }

        using var db = dbFactory.Create();
        var record = await db.StripeEvents.FirstOrDefaultAsync(e => e.Id == stripeEvent.Id, cancellationToken);
        if (record is { ProcessedAt: not null })
        {
            return WebhookOutcome.Duplicate;
        }

        if (record is null)
        {
            record = new StripeEventRecord { Id = stripeEvent.Id, Type = stripeEvent.Type, ReceivedAt = clock.GetUtcNow() };
            db.StripeEvents.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same event arrived twice at once; the other delivery handles it.
                return WebhookOutcome.Duplicate;
            }
        }

        record.Attempts++;
        try
        {
            var handled = await HandleAsync(db, stripeEvent, record, cancellationToken);
            record.ProcessedAt = clock.GetUtcNow();
            record.Error = null;
            // The state change and "processed" are one save: a crash in between leaves the event to be retried, not lost.
            await db.SaveChangesAsync(cancellationToken);
            return handled ? WebhookOutcome.Processed : WebhookOutcome.Ignored;
        }
        catch (Exception e) when (e is StripeException or DbUpdateException or InvalidOperationException or HttpRequestException)
        {
            logger.LogError(e, "Stripe event {EventId} ({Type}) failed", stripeEvent.Id, stripeEvent.Type);
            using var failureDb = dbFactory.Create();
            var failed = await failureDb.StripeEvents.FirstAsync(r => r.Id == record.Id, cancellationToken);
            failed.Attempts = record.Attempts;
            failed.Error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            await failureDb.SaveChangesAsync(cancellationToken);
            return WebhookOutcome.Failed;
        }
    }

    private async Task<bool> HandleAsync(IBillingDb db, Event stripeEvent, StripeEventRecord record, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Type)
        {
            case EventTypes.CheckoutSessionCompleted when stripeEvent.Data.Object is Stripe.Checkout.Session { SubscriptionId: { } subscriptionId } session:
                await SyncAsync(db, subscriptionId, session.ClientReferenceId, session.CustomerId, adopt: true, record, cancellationToken);
                return true;
            case EventTypes.CustomerSubscriptionCreated or EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted
                when stripeEvent.Data.Object is Subscription subscription:
                await SyncAsync(db, subscription.Id, null, subscription.CustomerId, adopt: false, record, cancellationToken);
                return true;
            case EventTypes.InvoicePaid or EventTypes.InvoicePaymentFailed
                when stripeEvent.Data.Object is Invoice { Parent.SubscriptionDetails.SubscriptionId: { } invoiceSubscription } invoice:
                await SyncAsync(db, invoiceSubscription, null, invoice.CustomerId, adopt: false, record, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Reads the subscription from Stripe and applies its current state to its tenant. A subscription other than the
    /// tenant's current one (an older one replaced by a plan change) changes nothing unless <paramref name="adopt"/>.
    /// </summary>
    private async Task SyncAsync(IBillingDb db, string subscriptionId, string? tenantId, string? customerId, bool adopt, StripeEventRecord record, CancellationToken cancellationToken)
    {
        var current = await gateway.GetSubscriptionAsync(subscriptionId, cancellationToken);
        customerId = current.CustomerId ?? customerId;
        tenantId ??= current.Metadata?.GetValueOrDefault(StripeGateway.TenantMetadataKey);
        var row = tenantId is not null
            ? await db.TenantSubscriptions.FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken)
            : await db.TenantSubscriptions.FirstOrDefaultAsync(s => s.StripeSubscriptionId == subscriptionId, cancellationToken)
              ?? (customerId is null ? null : await db.TenantSubscriptions.FirstOrDefaultAsync(s => s.StripeCustomerId == customerId, cancellationToken));
        if (row is null)
        {
            throw new InvalidOperationException($"No tenant subscription for Stripe subscription {subscriptionId}.");
        }

        record.TenantId = row.TenantId;
        record.SubscriptionId = subscriptionId;
        if (row.StripeSubscriptionId is { } known && known != subscriptionId)
        {
            if (!adopt)
            {
                return;
            }

            // A plan change through a new Checkout: the replaced subscription must not keep charging.
            var replaced = await gateway.GetSubscriptionAsync(known, cancellationToken);
            if (replaced.Status is not ("canceled" or "incomplete_expired"))
            {
                await gateway.CancelSubscriptionAsync(known, cancellationToken);
            }
        }

        var status = StatusOf(current.Status);
        if (status is null)
        {
            // Incomplete: the first payment is still open; the tenant keeps its state until Stripe settles it.
            return;
        }

        var now = clock.GetUtcNow();
        row.StripeSubscriptionId = subscriptionId;
        row.StripeCustomerId = customerId ?? row.StripeCustomerId;
        row.PastDueSince = status == SubscriptionStatus.PastDue ? row.PastDueSince ?? now : null;
        row.Status = status.Value;
        row.TrialEndsAt = current.TrialEnd is { } trialEnd ? new DateTimeOffset(DateTime.SpecifyKind(trialEnd, DateTimeKind.Utc)) : row.TrialEndsAt;
        var item = current.Items?.Data?.FirstOrDefault();
        if (item?.CurrentPeriodEnd is { } periodEnd && periodEnd != default)
        {
            row.CurrentPeriodEnd = new DateTimeOffset(DateTime.SpecifyKind(periodEnd, DateTimeKind.Utc));
        }

        if (item?.Price?.Id is { } priceId)
        {
            var plans = SubscriptionBook.WithPrices(await db.Plans.AsNoTracking().ToListAsync(cancellationToken), stripe.Value);
            if (plans.FirstOrDefault(p => p.StripeMonthlyPriceId == priceId || p.StripeYearlyPriceId == priceId) is { } plan && plan.Code != row.PlanCode)
            {
                row.PlanCode = plan.Code;
                await SetTenantPlanAsync(row.TenantId, plan.Code, cancellationToken);
            }
        }

        row.UpdatedAt = now;
        row.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    // Tenant.Plan mirrors the plan for the tenant's own view (TenantInfo) and the operator's list.
    private async Task SetTenantPlanAsync(string tenantId, string planCode, CancellationToken cancellationToken)
    {
        var tenant = await tenants.GetForEditAsync(tenantId, cancellationToken);
        if (tenant is not null && tenant.Plan != planCode)
        {
            tenant.Plan = planCode;
            await tenants.UpdateAsync(tenant, cancellationToken);
        }
    }

    internal static SubscriptionStatus? StatusOf(string? status) => status switch
    {
        "trialing" => SubscriptionStatus.Trialing,
        "active" => SubscriptionStatus.Active,
        "past_due" => SubscriptionStatus.PastDue,
        "unpaid" or "paused" => SubscriptionStatus.Unpaid,
        "canceled" => SubscriptionStatus.Canceled,
        _ => null,
    };
}

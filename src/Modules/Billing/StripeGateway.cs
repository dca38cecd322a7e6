using Microsoft.Extensions.Options;
using Stripe;

namespace AfterSales.Modules.Billing;

/// <summary>
/// The calls to Stripe's API, through a client built from <c>Stripe:SecretKey</c> and <c>Stripe:BaseUrl</c> (a local fake
/// server in tests). The library pins the API version it was generated for.
/// </summary>
public sealed class StripeGateway(IOptions<StripeOptions> options, IHttpClientFactory httpClients)
{
    public const string TenantMetadataKey = "tenant_id";

    public bool IsConfigured => options.Value.IsConfigured;

    private StripeClient Client()
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("Stripe:SecretKey is not configured.");
        }

        return new StripeClient(new StripeClientOptions
        {
            ApiKey = settings.SecretKey,
            ApiBase = string.IsNullOrWhiteSpace(settings.BaseUrl) ? null : settings.BaseUrl.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(httpClients.CreateClient(nameof(StripeGateway))),
        });
    }

    public async Task<string> CreateCustomerAsync(string tenantId, string name, string? email, CancellationToken cancellationToken = default)
    {
        var customer = await new CustomerService(Client()).CreateAsync(new CustomerCreateOptions
        {
            Name = name,
            Email = email,
            Metadata = new Dictionary<string, string> { [TenantMetadataKey] = tenantId },
        }, cancellationToken: cancellationToken);
        return customer.Id;
    }

    /// <summary>A Checkout Session in subscription mode for one price; the tenant travels as client reference and subscription metadata.</summary>
    public async Task<string> CreateCheckoutAsync(string tenantId, string customerId, string priceId, string successUrl, string cancelUrl, CancellationToken cancellationToken = default)
    {
        var session = await new Stripe.Checkout.SessionService(Client()).CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "subscription",
            Customer = customerId,
            ClientReferenceId = tenantId,
            LineItems = [new Stripe.Checkout.SessionLineItemOptions { Price = priceId, Quantity = 1 }],
            SubscriptionData = new Stripe.Checkout.SessionSubscriptionDataOptions { Metadata = new Dictionary<string, string> { [TenantMetadataKey] = tenantId } },
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
        }, cancellationToken: cancellationToken);
        return session.Url;
    }

    public async Task<string> CreatePortalAsync(string customerId, string returnUrl, CancellationToken cancellationToken = default)
    {
        var session = await new Stripe.BillingPortal.SessionService(Client()).CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customerId,
            ReturnUrl = returnUrl,
        }, cancellationToken: cancellationToken);
        return session.Url;
    }

    public Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        new SubscriptionService(Client()).GetAsync(subscriptionId, cancellationToken: cancellationToken);

    public Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        new SubscriptionService(Client()).CancelAsync(subscriptionId, cancellationToken: cancellationToken);
}

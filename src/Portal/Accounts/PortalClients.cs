using System.Text.Json;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AfterSales.Portal.Accounts;

/// <summary>
/// Each tenant's portal is a public OpenIddict client, <c>portal-{tenant}</c>, using the authorization-code flow with PKCE.
/// Created at startup for every tenant and, for a tenant created later, on its first sign-in.
/// </summary>
public sealed class PortalClients(IOpenIddictApplicationManager applications, IConfiguration configuration)
{
    /// <summary>The application property naming the client's tenant (the same one API clients carry).</summary>
    public const string TenantIdProperty = "tenant_id";

    public Uri IssuerBase => new(configuration["Api:Issuer"] ?? "http://localhost:5080/", UriKind.Absolute);

    public static string ClientId(string tenantIdentifier) => $"portal-{tenantIdentifier}";

    public Uri RedirectUri(string tenantIdentifier) => new(IssuerBase, $"t/{tenantIdentifier}/portal/signin-callback");

    public Uri PostLogoutUri(string tenantIdentifier) => new(IssuerBase, $"t/{tenantIdentifier}/portal");

    /// <summary>
    /// The tenant's own address, <c>{tenant}.{Tenancy:BaseHost}</c> with the issuer's scheme and port, or null when subdomains are off.
    /// The authorization server stays at the issuer; only the portal's callback and landing page are on the subdomain.
    /// </summary>
    public Uri? SubdomainBase(string tenantIdentifier) =>
        configuration["Tenancy:BaseHost"]?.Trim().Trim('.') is { Length: > 0 } baseHost
            ? new UriBuilder(IssuerBase.Scheme, $"{tenantIdentifier}.{baseHost}", IssuerBase.IsDefaultPort ? -1 : IssuerBase.Port).Uri
            : null;

    /// <summary>Every callback the client may name: the path address and, with subdomains on, the tenant's own host.</summary>
    public IReadOnlyList<Uri> RedirectUris(string tenantIdentifier) =>
        SubdomainBase(tenantIdentifier) is { } sub ? [RedirectUri(tenantIdentifier), new Uri(sub, "portal/signin-callback")] : [RedirectUri(tenantIdentifier)];

    public IReadOnlyList<Uri> PostLogoutUris(string tenantIdentifier) =>
        SubdomainBase(tenantIdentifier) is { } sub ? [PostLogoutUri(tenantIdentifier), new Uri(sub, "portal")] : [PostLogoutUri(tenantIdentifier)];

    /// <summary>True when the portal was reached on the tenant's subdomain rather than under /t/{tenant} on the issuer's host.</summary>
    public bool IsOnSubdomain(Microsoft.AspNetCore.Http.HttpContext context, string tenantIdentifier) =>
        SubdomainBase(tenantIdentifier) is { } sub && !context.Request.PathBase.HasValue
        && string.Equals(context.Request.Host.Host, sub.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The callback for the address the customer is on, so the code comes back where the sign-in began (and its cookie is).</summary>
    public Uri RedirectUriFor(Microsoft.AspNetCore.Http.HttpContext context, string tenantIdentifier) =>
        IsOnSubdomain(context, tenantIdentifier) ? RedirectUris(tenantIdentifier)[^1] : RedirectUri(tenantIdentifier);

    public Uri PostLogoutUriFor(Microsoft.AspNetCore.Http.HttpContext context, string tenantIdentifier) =>
        IsOnSubdomain(context, tenantIdentifier) ? PostLogoutUris(tenantIdentifier)[^1] : PostLogoutUri(tenantIdentifier);

    public async Task EnsureAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        var clientId = ClientId(tenant.Identifier);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            DisplayName = $"{tenant.Name} portal",
            RedirectUris = { },
            PostLogoutRedirectUris = { },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.UnionWith(RedirectUris(tenant.Identifier));
        descriptor.PostLogoutRedirectUris.UnionWith(PostLogoutUris(tenant.Identifier));
        descriptor.Properties[TenantIdProperty] = JsonSerializer.SerializeToElement(tenant.Id);

        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        // The issuer's address or the subdomain setting may have changed since (another port, a real domain): keep the addresses current.
        var redirects = await applications.GetRedirectUrisAsync(existing, cancellationToken);
        var logouts = await applications.GetPostLogoutRedirectUrisAsync(existing, cancellationToken);
        if (!redirects.ToHashSet().SetEquals(descriptor.RedirectUris.Select(u => u.AbsoluteUri))
            || !logouts.ToHashSet().SetEquals(descriptor.PostLogoutRedirectUris.Select(u => u.AbsoluteUri)))
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}

/// <summary>Registers every tenant's portal client when the host starts.</summary>
internal sealed class PortalClientsStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        var clients = scope.ServiceProvider.GetRequiredService<PortalClients>();
        foreach (var tenant in await store.GetAllAsync(cancellationToken))
        {
            if (await store.FindByIdAsync(tenant.Id, cancellationToken) is { } info)
            {
                await clients.EnsureAsync(info, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

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

    public async Task EnsureAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        var clientId = ClientId(tenant.Identifier);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            DisplayName = $"{tenant.Name} portal",
            RedirectUris = { RedirectUri(tenant.Identifier) },
            PostLogoutRedirectUris = { PostLogoutUri(tenant.Identifier) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.Properties[TenantIdProperty] = JsonSerializer.SerializeToElement(tenant.Id);

        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        // The issuer's address may have changed since (another port, a real domain): keep the addresses current.
        var redirects = await applications.GetRedirectUrisAsync(existing, cancellationToken);
        if (!redirects.Contains(RedirectUri(tenant.Identifier).AbsoluteUri))
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

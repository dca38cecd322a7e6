using System.Security.Cryptography;
using System.Text.Json;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AfterSales.Modules.Administration.ApiClients;

/// <summary>Creates and revokes the current tenant's API clients (client-credentials).</summary>
public sealed class ApiClientService(
    IDbFactory<IAdministrationDb> dbFactory,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    ITenantContext tenantContext,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public const string TenantIdProperty = "tenant_id";

    public sealed record CreatedClient(Guid Id, string ClientId, string Secret);

    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ApiClients.AsNoTracking().OrderBy(c => c.RevokedAt != null).ThenByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Creates a client named <paramref name="displayName"/>. The secret is returned once and stored only hashed.
    /// <paramref name="clientId"/> and <paramref name="secret"/> are for the demo seed; users get generated ones.
    /// </summary>
    public async Task<CreatedClient> CreateAsync(string displayName, string? clientId = null, string? secret = null, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("API clients belong to a tenant.");
        displayName = displayName.Trim();
        if (displayName.Length is 0 or > 100)
        {
            throw new ArgumentException("The name is required and at most 100 characters.", nameof(displayName));
        }

        // Client ids are global in OpenIddict's store; the tenant prefix keeps them unique and readable.
        clientId ??= $"{tenant.Identifier}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        secret ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[TenantIdProperty] = JsonSerializer.SerializeToElement(tenant.Id);

        using var db = dbFactory.Create();
        var client = new ApiClient { ClientId = clientId, DisplayName = displayName, CreatedBy = currentUser.Name, CreatedAt = clock.GetUtcNow() };
        db.ApiClients.Add(client);
        await applications.CreateAsync(descriptor, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            var created = await applications.FindByClientIdAsync(clientId, cancellationToken);
            if (created is not null)
            {
                await applications.DeleteAsync(created, cancellationToken);
            }

            throw;
        }

        return new CreatedClient(client.Id, clientId, secret);
    }

    /// <summary>Revokes a client of the current tenant: no new tokens, and its tokens stop working at once.</summary>
    /// <returns>False when there is no such client in this tenant.</returns>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return false;
        }

        client.Revoke(currentUser.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        var application = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
        if (application is not null)
        {
            var applicationId = await applications.GetIdAsync(application, cancellationToken);
            if (applicationId is not null)
            {
                await tokens.RevokeByApplicationIdAsync(applicationId, cancellationToken);
            }

            await applications.DeleteAsync(application, cancellationToken);
        }

        return true;
    }
}

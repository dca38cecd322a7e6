using AfterSales.Modules.Administration;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Workflow;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Billing;

/// <summary>
/// A new tenant as the operator's dialog or the sign-up page asks for it. Exactly one of the password and its hash.
/// <paramref name="Trial"/>: self-service tenants start a trial; the operator's tenants are complimentary (billed outside Stripe) unless asked.
/// </summary>
public sealed record NewTenant(string Identifier, string DisplayName, string Culture, string AdminEmail, string AdminName, string? Password = null, string? PasswordHash = null,
    bool Trial = false);

/// <summary>The tenant made, or why not.</summary>
public sealed record ProvisionResult(TenantInfo? Tenant, bool IdentifierTaken, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => Tenant is not null && Errors.Count == 0;
}

/// <summary>
/// Creates a tenant the one way both the operator and self-service sign-up use: the tenant, its administrator, the
/// default service types and workflows, and (for self-service) a trial subscription.
/// </summary>
public sealed class TenantProvisioning(ITenantStore store, TenantScopeFactory scopes, SubscriptionBook subscriptions)
{
    /// <summary>True when the identifier is valid, not reserved and not used by a tenant.</summary>
    public async Task<bool> IsAvailableAsync(string identifier, CancellationToken cancellationToken = default) =>
        TenantIdentifier.IsAvailableForNewTenant(identifier) && await store.FindByIdentifierAsync(identifier.ToLowerInvariant(), cancellationToken) is null;

    public async Task<ProvisionResult> CreateAsync(NewTenant request, CancellationToken cancellationToken = default)
    {
        var identifier = request.Identifier.Trim().ToLowerInvariant();
        if (!await IsAvailableAsync(identifier, cancellationToken))
        {
            return new ProvisionResult(null, true, []);
        }

        var tenant = new Tenant
        {
            Identifier = identifier,
            DisplayName = request.DisplayName.Trim(),
            DefaultCulture = request.Culture,
            TimeZone = request.Culture == "en" ? "UTC" : "Asia/Shanghai",
            Plan = Plan.Trial,
        };
        try
        {
            await store.AddAsync(tenant, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Taken between the check and the insert (unique index).
            return new ProvisionResult(null, true, []);
        }

        var info = await store.FindByIdAsync(tenant.Id, cancellationToken) ?? throw new InvalidOperationException("Tenant not stored.");
        if (request.Trial)
        {
            await subscriptions.StartTrialAsync(tenant.Id, cancellationToken);
        }

        await using var scope = scopes.CreateScope(info);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = new ApplicationUser
        {
            UserName = request.AdminEmail.Trim(),
            Email = request.AdminEmail.Trim(),
            EmailConfirmed = true,
            DisplayName = request.AdminName.Trim(),
            PasswordHash = request.PasswordHash,
        };
        var result = request.Password is null ? await users.CreateAsync(admin) : await users.CreateAsync(admin, request.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(admin, Roles.TenantAdmin);
        }

        if (!result.Succeeded)
        {
            return new ProvisionResult(info, false, result.Errors.ToList());
        }

        // Created now rather than on first use, so the tenant's first screens already show them.
        await scope.ServiceProvider.GetRequiredService<WorkflowBook>().EnsureDefaultsAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync(cancellationToken: cancellationToken);
        return new ProvisionResult(info, false, []);
    }

    /// <summary>Identity's password rules, checked before anything is created so a weak password leaves nothing behind.</summary>
    public static async Task<IReadOnlyList<IdentityError>> PasswordErrorsAsync(IServiceScopeFactory scopeFactory, string password)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, new ApplicationUser(), password)).Errors);
        }

        return errors;
    }
}

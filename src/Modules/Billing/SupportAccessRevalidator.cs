using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Billing;

/// <summary>
/// A Blazor circuit keeps the principal it started with; an operator's circuit in a tenant is checked against its support grant
/// every minute, so a revoked or expired grant also ends access that never makes another HTTP request.
/// </summary>
public sealed class SupportAccessRevalidator(ILoggerFactory loggerFactory, IServiceScopeFactory scopes) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (!authenticationState.User.HasClaim(c => c.Type == SupportAccess.GrantClaim))
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupportAccess>().StillValidAsync(authenticationState.User, cancellationToken);
    }
}

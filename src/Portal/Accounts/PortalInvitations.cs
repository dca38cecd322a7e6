using System.Security.Claims;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Authorization;

namespace AfterSales.Portal.Accounts;

/// <summary>The customer page's invitation, for the service desk (Agent and up) only.</summary>
public sealed class PortalInvitations(PortalAccounts accounts, IAuthorizationService authorization) : IPortalInvitations
{
    public async Task<PortalInviteOutcome> InviteAsync(Guid customerId, string tenantBaseUri, ClaimsPrincipal staff, CancellationToken cancellationToken = default)
    {
        if (!(await authorization.AuthorizeAsync(staff, Policies.ServiceDesk)).Succeeded)
        {
            return PortalInviteOutcome.Forbidden;
        }

        return await accounts.InviteAsync(customerId, tenantBaseUri.TrimEnd('/') + "/portal", cancellationToken);
    }
}

using System.Security.Claims;

namespace AfterSales.Modules.Customers;

public enum PortalInviteOutcome { Sent, NotFound, NoEmail, EmailTaken, Forbidden }

/// <summary>Staff's "invite to portal" on a customer; the portal, which owns the accounts, implements it.</summary>
public interface IPortalInvitations
{
    /// <param name="tenantBaseUri">The tenant's absolute base address (ending in "/"), the portal lives under it.</param>
    Task<PortalInviteOutcome> InviteAsync(Guid customerId, string tenantBaseUri, ClaimsPrincipal staff, CancellationToken cancellationToken = default);
}

using System.Security.Claims;

namespace AfterSales.Portal;

/// <summary>What the portal knows of the signed-in customer: the claims its own cookie carries, never the staff cookie's.</summary>
public static class PortalCustomer
{
    /// <summary>The portal account's id.</summary>
    public const string AccountClaim = "portal_account";

    /// <summary>The customer record the account belongs to.</summary>
    public const string CustomerClaim = "portal_customer";

    /// <summary>True when <paramref name="user"/> is a portal customer of the current request (set by the portal's cookie only).</summary>
    public static bool IsSignedIn(ClaimsPrincipal? user) => user?.FindFirst(AccountClaim) is not null;
}

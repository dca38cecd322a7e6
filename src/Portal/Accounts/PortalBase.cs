using Microsoft.AspNetCore.Http;

namespace AfterSales.Portal.Accounts;

/// <summary>The portal's absolute address as the customer reached it, for links in mails.</summary>
public static class PortalBase
{
    public static string Of(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/portal";
}

namespace AfterSales.Modules.Visits;

/// <summary>Where a customer's link points, relative to the tenant's base address (<c>/t/{tenant}/</c> or its subdomain).</summary>
public static class VisitLinkPaths
{
    /// <summary>In the portal's space, which PRODUCT.md reserves for what customers open without a staff login.</summary>
    public const string Prefix = "portal/visit/";

    public static string For(string token) => Prefix + Uri.EscapeDataString(token);
}

namespace AfterSales.Tenancy;

/// <summary>Claim types the tenancy library reads and writes.</summary>
public static class TenantClaimTypes
{
    /// <summary>The tenant identifier (slug) a user or API client belongs to.</summary>
    public const string Tenant = "tenant";
}

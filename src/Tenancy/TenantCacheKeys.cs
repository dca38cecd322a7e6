namespace AfterSales.Tenancy;

/// <summary>
/// Cache keys for tenant data. A key without the tenant serves one tenant's cached data to another;
/// build every key of tenant data through here.
/// </summary>
public static class TenantCacheKeys
{
    /// <summary>A key for <paramref name="key"/> in the current tenant; throws when there is none.</summary>
    public static string For(this ITenantContext context, string key)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException("There is no current tenant to key the cache by.");
        return $"t:{tenant.Id}:{key}";
    }
}

using AfterSales.Tenancy;

namespace AfterSales.Modules.Administration;

/// <summary>Times are stored in UTC; staff read them in their company's time zone, not the server's.</summary>
public static class TenantTime
{
    public static DateTimeOffset ToTenantTime(this DateTimeOffset value, TenantInfo? tenant) =>
        tenant is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone, out var zone) ? TimeZoneInfo.ConvertTime(value, zone) : value;
}

using AfterSales.Tenancy;

namespace AfterSales.Modules.Shared;

/// <summary>Times are stored in UTC; staff read them, and days are counted, in their company's time zone, not the server's.</summary>
public static class TenantTime
{
    public static DateTimeOffset ToTenantTime(this DateTimeOffset value, TenantInfo? tenant) =>
        tenant is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone, out var zone) ? TimeZoneInfo.ConvertTime(value, zone) : value;

    /// <summary>The tenant's calendar day at <paramref name="utcNow"/>.</summary>
    /// <summary>Midnight starting <paramref name="day"/> in the tenant's time zone, as a UTC instant (the start of a day in queries).</summary>
    public static DateTimeOffset MidnightUtc(this TenantInfo? tenant, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return tenant is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone, out var zone)
            ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero)
            : new DateTimeOffset(local, TimeSpan.Zero);
    }

    public static DateOnly TodayFor(this TenantInfo? tenant, DateTimeOffset utcNow) => DateOnly.FromDateTime(utcNow.ToTenantTime(tenant).DateTime);
}

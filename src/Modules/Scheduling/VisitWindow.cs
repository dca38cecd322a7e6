namespace AfterSales.Modules.Scheduling;

/// <summary>When a visit takes place: from <see cref="Start"/> up to (not including) <see cref="End"/>, as UTC instants.</summary>
public readonly record struct VisitWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// The window of <paramref name="from"/>–<paramref name="to"/> on <paramref name="day"/> as the tenant's clocks read them. A
    /// time a daylight-saving change skips or repeats takes the zone's standard offset rather than failing the form.
    /// </summary>
    public static VisitWindow InZone(DateOnly day, TimeOnly from, TimeOnly to, TimeZoneInfo zone) => new(Utc(day, from, zone), Utc(day, to, zone));

    /// <summary>Back-to-back visits (one ends at 10:00, the next starts at 10:00) do not overlap.</summary>
    public bool Overlaps(VisitWindow other) => Start < other.End && other.Start < End;

    /// <summary>The tenant's zone by its id; UTC when the server does not know it, as <see cref="Shared.TenantTime"/> does.</summary>
    public static TimeZoneInfo ZoneOf(AfterSales.Tenancy.TenantInfo? tenant) =>
        tenant is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The wall-clock time of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static TimeOnly LocalTime(DateTimeOffset instant, TimeZoneInfo zone) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static DateTimeOffset Utc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

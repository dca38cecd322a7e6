namespace AfterSales.Modules.Billing;

/// <summary>
/// How often a tenant used a metered thing in one period (API calls a day, reminder e-mails a month). Platform data keyed by the
/// tenant, like <see cref="TenantSubscription"/>: counting must go on while a tenant is read-only, and the console reads all tenants.
/// Kept in the database, so every replica counts against the same number.
/// </summary>
public class UsageCounter
{
    public string TenantId { get; set; } = "";
    public string Meter { get; set; } = "";

    /// <summary>The first day of the period (UTC): the day itself for daily meters, the 1st for monthly ones.</summary>
    public DateOnly Period { get; set; }

    public int Count { get; set; }
}

/// <summary>The meters, with their periods.</summary>
public static class Meters
{
    public const string ApiCalls = "api";
    public const string ReminderEmails = "reminder-mail";

    public static DateOnly Day(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    public static DateOnly Month(DateTimeOffset now) => new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
}

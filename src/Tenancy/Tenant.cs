using System.ComponentModel.DataAnnotations;

namespace AfterSales.Tenancy;

/// <summary>
/// A tenant company. Platform data: never filtered by tenant, edited only by the platform operator
/// (status, plan) and the tenant's own admin (profile, branding, culture, time zone).
/// </summary>
public class Tenant
{
    /// <summary>Stable primary key, stamped on every tenant-owned row.</summary>
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>URL slug: <c>/t/{Identifier}</c> and <c>{Identifier}.{base host}</c>. Lower case, unique.</summary>
    public string Identifier { get; set; } = "";

    /// <summary>Company name shown in the shell and the portal.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Active or suspended; a suspended tenant's data is unreachable.</summary>
    public TenantStatus Status { get; set; } = TenantStatus.Active;

    /// <summary>Logo, colour and portal title.</summary>
    public TenantBranding Branding { get; set; } = new();

    /// <summary>Culture used when a user has not chosen one: <c>zh-CN</c> or <c>en</c>.</summary>
    public string DefaultCulture { get; set; } = "zh-CN";

    /// <summary>IANA or Windows time zone id used to show dates to the tenant's users.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Subscription plan code.</summary>
    public string Plan { get; set; } = "trial";

    /// <summary>When the tenant was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Optimistic concurrency token: two admins editing settings at once must not overwrite each other.</summary>
    /// <remarks>
    /// Marked here rather than left to each host's mapping: <see cref="Stores.EfCoreTenantStore{TContext}"/> relies
    /// on it being a concurrency token, and without one a stale update silently overwrote the newer row.
    /// </remarks>
    [ConcurrencyCheck]
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The small, immutable view of this tenant that is held by a request or a circuit.</summary>
    public TenantInfo ToInfo() => new(Id, Identifier, DisplayName, Status, Branding with { }, DefaultCulture, TimeZone, Plan);
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Sla;

/// <summary>
/// The tenant's weekly working time, in its time zone. One row per tenant; a tenant without one works round the clock, so
/// SLA clocks count wall-clock time until the admin sets hours.
/// </summary>
public class BusinessHours : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>Periods as <c>Mon 09:00-12:00;Mon 13:00-18:00;…</c>: short, readable in the audit trail, and parsed by <see cref="SlaBook"/>.</summary>
    public string Periods { get; set; } = "";

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => "business-hours";
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Sla;

/// <summary>
/// A date the tenant's calendar treats differently from its weekday: a holiday without work, or a make-up working day (调休)
/// that takes the hours of <see cref="WorksAs"/>.
/// </summary>
public class Holiday : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Null for a day off; the weekday whose hours apply for a make-up working day.</summary>
    public DayOfWeek? WorksAs { get; set; }

    string IAuditable.AuditKey => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

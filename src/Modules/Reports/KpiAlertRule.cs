using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// A threshold the service manager watches (CSAT under 4.0 this week, more than 10 locked requests…). The alert scan notifies
/// the managers once per period in which it is breached: <see cref="NotifiedPeriod"/> remembers the last one.
/// </summary>
public class KpiAlertRule : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public KpiKind Kind { get; set; }
    public double Threshold { get; set; }
    public bool IsEnabled { get; set; }

    /// <summary>The key of the period (<c>2026-W05</c>, <c>2026-02-03</c>) the managers were last told about.</summary>
    public string? NotifiedPeriod { get; set; }
    public double? NotifiedValue { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>Changes on every save: two scans (or a scan and the manager) cannot both notify for one period.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

public enum KpiKind
{
    /// <summary>Average satisfaction of this week's answered return visits under the threshold (1–5).</summary>
    CsatBelow = 0,

    /// <summary>More locked requests than the threshold, today.</summary>
    LockedAbove = 1,

    /// <summary>More than the threshold per cent of this week's requests due so far breached their SLA.</summary>
    SlaBreachedAbove = 2,
}

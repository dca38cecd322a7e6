using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;
using AfterSales.Workflows.Sla;

namespace AfterSales.Modules.Sla;

/// <summary>
/// One promise of the tenant's SLA: how much business time a clock may take for a service type (or every type) and a
/// priority (or every priority). The resolution target of a type for every priority is the type's own
/// <see cref="ServiceType.SlaHours"/>, so the service type dialog and this page edit one value.
/// </summary>
public class ServiceLevelTarget : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>Null for every service type.</summary>
    public Guid? ServiceTypeId { get; set; }

    /// <summary>Null for every priority.</summary>
    public RequestPriority? Priority { get; set; }

    public SlaClockKind Clock { get; set; }

    /// <summary>Business minutes allowed.</summary>
    public int Minutes { get; set; }

    string IAuditable.AuditKey => $"{ServiceTypeId?.ToString() ?? "*"}/{Priority?.ToString() ?? "*"}/{Clock}";
}

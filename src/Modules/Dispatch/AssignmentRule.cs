using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// One of the tenant's ordered assignment rules: which requests it takes (service types, priorities, customer regions, product
/// categories — an empty list matches any), the engineers it chooses from, and how it chooses. The first enabled rule that
/// matches and has an engineer available assigns the request.
/// </summary>
public class AssignmentRule : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsEnabled { get; set; } = true;
    public List<Guid> ServiceTypeIds { get; set; } = [];
    public List<RequestPriority> Priorities { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<Guid> CategoryIds { get; set; } = [];

    /// <summary>User ids of the engineers the rule chooses from, in the order round robin follows.</summary>
    public List<string> EngineerIds { get; set; } = [];
    public AssignmentStrategy Strategy { get; set; } = AssignmentStrategy.LeastLoad;

    /// <summary>Round robin's place: the engineer the rule chose last.</summary>
    public string? LastAssignedId { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Name;
}

public enum AssignmentStrategy
{
    /// <summary>The engineer of the pool with the fewest open requests.</summary>
    LeastLoad = 0,

    /// <summary>The next engineer of the pool after the one chosen last.</summary>
    RoundRobin = 1,
}

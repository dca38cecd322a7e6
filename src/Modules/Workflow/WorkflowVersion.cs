using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Modules.Workflow;

/// <summary>
/// One version of one of the tenant's workflows, stored as the engine's JSON. A published version never changes:
/// requests pinned to it rely on that; a change is made in a new draft numbered after the latest version.
/// </summary>
public class WorkflowVersion : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>The workflow's key, shared by its versions (ONSITE, RMA, or the tenant's own).</summary>
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public DefinitionState State { get; set; }

    /// <summary>Copied from the JSON so lists need not parse every version.</summary>
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>Two admins editing one draft: the second save is refused, not merged.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => $"{Key} v{Version}";
}

using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Workflow;

/// <summary>
/// The engine's state of one request (its id is the request's): pinned version, status, attempts, variables, armed timers
/// and SLA clocks, as the engine's JSON. <see cref="Version"/> is the engine's concurrency version, checked on every save,
/// so of two transitions computed from the same state exactly one is stored.
/// </summary>
public class WorkflowInstanceRecord : ITenantOwned
{
    public Guid Id { get; set; }
    public string TenantId { get; set; } = "";
    public string DefinitionKey { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string Status { get; set; } = "";
    public long Version { get; set; }
    public string Json { get; set; } = "";
}

using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Shared;

/// <summary>One change of one record: who, when, what (field → old, new), written by the save hook.</summary>
public class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public AuditAction Action { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>JSON object: property → [old, new]. Secrets (hashes, stamps) are never written.</summary>
    public string Changes { get; set; } = "{}";
}

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,

    /// <summary>A file of records imported at once: one entry for the file, not one per record.</summary>
    Imported = 3,
}

namespace AfterSales.Modules.Shared;

/// <summary>A business entity whose changes are written to the audit trail, readable per record.</summary>
public interface IAuditable
{
    /// <summary>The key shown in the audit trail; stable for the life of the record.</summary>
    string AuditKey { get; }
}

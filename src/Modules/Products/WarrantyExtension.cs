using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>One extension or renewal (延保) of a unit's warranty. Kept for good: the history is never rewritten.</summary>
public class WarrantyExtension : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid SerialNumberId { get; set; }
    public DateOnly? PreviousEnd { get; set; }
    public DateOnly NewEnd { get; set; }
    public string Reason { get; set; } = "";
    public decimal? Fee { get; set; }
    public string? By { get; set; }
    public DateTimeOffset At { get; set; }

    string IAuditable.AuditKey => Id.ToString();
}

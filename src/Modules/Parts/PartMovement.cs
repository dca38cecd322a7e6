using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Parts;

/// <summary>A step of a part request with who and when; never changed once written, so the history cannot be rewritten.</summary>
public class PartMovement : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid PartRequestId { get; set; }
    public PartMovementKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    public string? By { get; set; }

    /// <summary>A reason (rejection, waiver), a note, or the supplier of a claim.</summary>
    public string? Note { get; set; }
    public string? CarrierCode { get; set; }
    public string? TrackingNumber { get; set; }

    /// <summary>The line a claim is about.</summary>
    public string? PartCode { get; set; }
    public decimal? Amount { get; set; }
}

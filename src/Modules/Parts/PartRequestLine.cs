using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Parts;

/// <summary>
/// One part asked for. The catalogue's code, name and price are copied in as they were when applied for, so a later price
/// change or a discontinued part does not rewrite what was approved.
/// </summary>
public class PartRequestLine : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid PartRequestId { get; set; }
    public int LineNo { get; set; }
    public Guid SparePartId { get; set; }
    public string PartCode { get; set; } = "";
    public string PartName { get; set; } = "";
    public string? Unit { get; set; }
    public int Quantity { get; set; }
    public PartCharging Charging { get; set; }
    public decimal UnitPrice { get; set; }

    /// <summary>The faulty part goes back to the warehouse or the supplier once this one is fitted.</summary>
    public bool ReturnOldPart { get; set; }

    public PartClaimStatus ClaimStatus { get; set; }
    public string? ClaimSupplier { get; set; }

    /// <summary>Claimed when filed; what the supplier pays once settled (0 when rejected).</summary>
    public decimal? ClaimAmount { get; set; }

    /// <summary>What the customer is charged for this line.</summary>
    public decimal ChargedAmount => Charging == PartCharging.Charged ? Quantity * UnitPrice : 0m;
}

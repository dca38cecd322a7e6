using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.WorkReports;

/// <summary>
/// The engineer's record of one visit (维修记录): what was wrong, what was done, the parts and fees, the customer's signature. Submitting
/// it moves the request through its workflow (solved, or a counted attempt); a manager then verifies it (核销) before it is invoiced.
/// </summary>
public class WorkReport : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid ServiceRequestId { get; set; }

    /// <summary>Kept with the report so lists and the printed report need no join to show it.</summary>
    public string RequestNumber { get; set; } = "";

    /// <summary>The nth visit of the request, counted when the report is submitted.</summary>
    public int Visit { get; set; }
    public string EngineerId { get; set; } = "";
    public string EngineerName { get; set; } = "";
    public DateOnly VisitedOn { get; set; }
    public Guid? FaultCategoryId { get; set; }
    public Guid? CauseId { get; set; }
    public string Measures { get; set; } = "";
    public WorkResult Result { get; set; }
    public decimal LaborHours { get; set; }
    public decimal LaborFee { get; set; }
    public decimal TravelFee { get; set; }
    public decimal OtherFee { get; set; }
    public string? OtherFeeNote { get; set; }
    public string? CustomerRemark { get; set; }

    /// <summary>Photos are the request's attachments, so they show with the request's files as well.</summary>
    public List<Guid> PhotoIds { get; set; } = [];

    /// <summary>The file store's key of the signature drawn on screen (PNG).</summary>
    public string? SignatureKey { get; set; }

    /// <summary>Bytes of the stored signature, counted against the plan's storage.</summary>
    public long SignatureSize { get; set; }
    public string? SignedBy { get; set; }
    public DateTimeOffset? SignedAt { get; set; }

    public WorkReportState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>Why a manager returned it, or their remark on accepting it.</summary>
    public string? VerificationNote { get; set; }

    /// <summary>Printed as a QR code: opens the report's public verification page, so it must not be guessable.</summary>
    public string VerificationCode { get; set; } = "";
    public List<WorkReportPart> Parts { get; set; } = [];
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => $"{RequestNumber}#{Visit}";
}

/// <summary>A spare part used on the visit, priced when it was used; one under warranty is recorded but not charged.</summary>
public class WorkReportPart : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid WorkReportId { get; set; }
    public int Line { get; set; }
    public Guid? SparePartId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public bool Charged { get; set; }
}

public enum WorkResult
{
    Solved = 0,
    NotSolved = 1,
    NeedsParts = 2,
    NeedsReturnToFactory = 3,
}

public enum WorkReportState
{
    Draft = 0,
    Submitted = 1,
    Verified = 2,

    /// <summary>Sent back by the manager: the engineer corrects and submits it again; the request's workflow has already moved.</summary>
    Returned = 3,
}

namespace AfterSales.Modules.Parts;

/// <summary>Where a part request stands: applied for, decided by a manager, shipped to the engineer, received.</summary>
public enum PartRequestStatus
{
    Applied = 0,
    Approved = 1,
    Rejected = 2,
    Shipped = 3,
    Received = 4,
}

/// <summary>
/// The faulty part replaced by a new one (旧件返还): nothing to return, awaited once the new part is received, shipped back,
/// received by the warehouse, or waived with a reason.
/// </summary>
public enum OldPartStatus
{
    NotRequired = 0,

    /// <summary>Some line needs its old part back, but the new part has not arrived yet.</summary>
    Pending = 1,
    Awaited = 2,
    ShippedBack = 3,
    Received = 4,
    Waived = 5,
}

/// <summary>Who pays for a line: the warranty (the supplier may be claimed against) or the customer at the line's price.</summary>
public enum PartCharging
{
    Warranty = 0,
    Charged = 1,
}

/// <summary>A warranty claim against the part's supplier or manufacturer.</summary>
public enum PartClaimStatus
{
    None = 0,
    Filed = 1,
    Accepted = 2,
    Rejected = 3,
}

/// <summary>What happened to a part request; each is one <see cref="PartMovement"/>.</summary>
public enum PartMovementKind
{
    Applied = 0,
    Approved = 1,
    Rejected = 2,
    Shipped = 3,
    Received = 4,
    OldPartShippedBack = 5,
    OldPartReceived = 6,
    OldPartWaived = 7,
    ClaimFiled = 8,
    ClaimSettled = 9,
}

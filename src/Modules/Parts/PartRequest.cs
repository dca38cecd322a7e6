using AfterSales.Modules.Service;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Parts;

/// <summary>
/// A request for spare parts for a service request (配件申请): applied for by the engineer or the desk, approved or rejected by
/// a manager, shipped, received; then the old parts come back (or are waived) and warranty lines may be claimed from the
/// supplier. Each step checks it is the next one and leaves a <see cref="PartMovement"/>; the returned text is the key of
/// the reason it was refused, null when done.
/// </summary>
public class PartRequest : ITenantOwned
{
    public const int NoteLength = 500;
    public const int TrackingLength = 64;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>The service request's number and a sequence, e.g. SR-20261123-0001-P2: found by the request's number.</summary>
    public string Number { get; set; } = "";
    public Guid ServiceRequestId { get; set; }
    public string RequestNumber { get; set; } = "";
    public string Reason { get; set; } = "";
    public PartRequestStatus Status { get; set; }

    /// <summary>The manager's note on approval, or the reason of a rejection.</summary>
    public string? DecisionNote { get; set; }
    public string? CarrierCode { get; set; }
    public string? TrackingNumber { get; set; }
    public DateOnly? ShippedOn { get; set; }

    public OldPartStatus OldPartStatus { get; set; }
    public string? OldPartCarrierCode { get; set; }
    public string? OldPartTrackingNumber { get; set; }

    /// <summary>Why the old parts need not come back.</summary>
    public string? OldPartWaiver { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
    public string? AppliedBy { get; set; }
    public string? AppliedByUserId { get; set; }

    /// <summary>When anything last happened to it: lists sort by it and show how long it has been waiting.</summary>
    public DateTimeOffset LastMovementAt { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public List<PartRequestLine> Lines { get; set; } = [];
    public List<PartMovement> Movements { get; set; } = [];

    /// <summary>What the customer is charged for the parts.</summary>
    public decimal ChargedTotal => Lines.Sum(l => l.ChargedAmount);

    /// <summary>A new request as applied for; the lines are already checked against the catalogue.</summary>
    public static PartRequest Apply(Guid serviceRequestId, string requestNumber, int sequence, string reason, IEnumerable<PartRequestLine> lines,
        RequestActor actor, DateTimeOffset now)
    {
        var request = new PartRequest
        {
            ServiceRequestId = serviceRequestId, RequestNumber = requestNumber, Number = $"{requestNumber}-P{sequence}", Reason = reason.Trim(),
            AppliedAt = now, AppliedBy = actor.Name, AppliedByUserId = actor.UserId,
        };
        request.Lines.AddRange(lines.Select((l, i) =>
        {
            l.LineNo = i + 1;
            return l;
        }));
        request.OldPartStatus = request.Lines.Any(l => l.ReturnOldPart) ? OldPartStatus.Pending : OldPartStatus.NotRequired;
        request.Record(PartMovementKind.Applied, actor, now, note: request.Reason);
        return request;
    }

    public string? Approve(string? note, RequestActor actor, DateTimeOffset now)
    {
        if (Status != PartRequestStatus.Applied)
        {
            return "Parts.Error.NotPending";
        }

        Status = PartRequestStatus.Approved;
        DecisionNote = Trimmed(note);
        Record(PartMovementKind.Approved, actor, now, note: DecisionNote);
        return null;
    }

    public string? Reject(string? reason, RequestActor actor, DateTimeOffset now)
    {
        if (Status != PartRequestStatus.Applied)
        {
            return "Parts.Error.NotPending";
        }

        if (Trimmed(reason) is not { } text)
        {
            return "Parts.Validation.RejectReason";
        }

        Status = PartRequestStatus.Rejected;
        DecisionNote = text;
        if (OldPartStatus == OldPartStatus.Pending)
        {
            OldPartStatus = OldPartStatus.NotRequired;
        }

        Record(PartMovementKind.Rejected, actor, now, note: text);
        return null;
    }

    public string? Ship(string carrierCode, string? trackingNumber, DateOnly? shippedOn, DateOnly today, RequestActor actor, DateTimeOffset now)
    {
        if (Status != PartRequestStatus.Approved)
        {
            return "Parts.Error.NotApproved";
        }

        if (ShipmentError(trackingNumber, shippedOn, today) is { } error)
        {
            return error;
        }

        Status = PartRequestStatus.Shipped;
        CarrierCode = carrierCode;
        TrackingNumber = trackingNumber!.Trim();
        ShippedOn = shippedOn;
        Record(PartMovementKind.Shipped, actor, now, carrierCode: CarrierCode, trackingNumber: TrackingNumber);
        return null;
    }

    public string? Receive(RequestActor actor, DateTimeOffset now)
    {
        if (Status != PartRequestStatus.Shipped)
        {
            return "Parts.Error.NotShipped";
        }

        Status = PartRequestStatus.Received;
        if (OldPartStatus == OldPartStatus.Pending)
        {
            OldPartStatus = OldPartStatus.Awaited;
        }

        Record(PartMovementKind.Received, actor, now);
        return null;
    }

    public string? ShipOldPart(string carrierCode, string? trackingNumber, DateOnly? shippedOn, DateOnly today, RequestActor actor, DateTimeOffset now)
    {
        if (OldPartStatus != OldPartStatus.Awaited)
        {
            return "Parts.Error.OldPartNotAwaited";
        }

        if (ShipmentError(trackingNumber, shippedOn, today) is { } error)
        {
            return error;
        }

        OldPartStatus = OldPartStatus.ShippedBack;
        OldPartCarrierCode = carrierCode;
        OldPartTrackingNumber = trackingNumber!.Trim();
        Record(PartMovementKind.OldPartShippedBack, actor, now, carrierCode: OldPartCarrierCode, trackingNumber: OldPartTrackingNumber);
        return null;
    }

    public string? ReceiveOldPart(RequestActor actor, DateTimeOffset now)
    {
        if (OldPartStatus != OldPartStatus.ShippedBack)
        {
            return "Parts.Error.OldPartNotShipped";
        }

        OldPartStatus = OldPartStatus.Received;
        Record(PartMovementKind.OldPartReceived, actor, now);
        return null;
    }

    /// <summary>The old parts need not come back (scrapped on site, kept by the customer…); only while they are still awaited.</summary>
    public string? WaiveOldPart(string? reason, RequestActor actor, DateTimeOffset now)
    {
        if (OldPartStatus is not (OldPartStatus.Pending or OldPartStatus.Awaited))
        {
            return "Parts.Error.OldPartNotAwaited";
        }

        if (Trimmed(reason) is not { } text)
        {
            return "Parts.Validation.WaiveReason";
        }

        OldPartStatus = OldPartStatus.Waived;
        OldPartWaiver = text;
        Record(PartMovementKind.OldPartWaived, actor, now, note: text);
        return null;
    }

    /// <summary>Claims a warranty line from its supplier, once the part has been received (and so fitted).</summary>
    public string? FileClaim(Guid lineId, string? supplier, decimal amount, RequestActor actor, DateTimeOffset now)
    {
        var line = Lines.FirstOrDefault(l => l.Id == lineId);
        if (line is null || line.Charging != PartCharging.Warranty || Status != PartRequestStatus.Received)
        {
            return "Parts.Error.NotClaimable";
        }

        if (line.ClaimStatus != PartClaimStatus.None)
        {
            return "Parts.Error.AlreadyClaimed";
        }

        if (Trimmed(supplier) is not { Length: <= 100 } name)
        {
            return "Parts.Validation.Supplier";
        }

        if (!PartRules.IsMoney(amount) || amount <= 0)
        {
            return "Parts.Validation.ClaimAmount";
        }

        line.ClaimStatus = PartClaimStatus.Filed;
        line.ClaimSupplier = name;
        line.ClaimAmount = amount;
        Record(PartMovementKind.ClaimFiled, actor, now, note: name, partCode: line.PartCode, amount: amount);
        return null;
    }

    /// <summary>The supplier's answer: accepted with what they pay, or rejected (a reason is then required).</summary>
    public string? SettleClaim(Guid lineId, bool accepted, decimal amount, string? note, RequestActor actor, DateTimeOffset now)
    {
        var line = Lines.FirstOrDefault(l => l.Id == lineId);
        if (line is null || line.ClaimStatus != PartClaimStatus.Filed)
        {
            return "Parts.Error.NoClaimFiled";
        }

        if (accepted && (!PartRules.IsMoney(amount) || amount <= 0))
        {
            return "Parts.Validation.ClaimAmount";
        }

        var text = Trimmed(note);
        if (!accepted && text is null)
        {
            return "Parts.Validation.ClaimRejectReason";
        }

        line.ClaimStatus = accepted ? PartClaimStatus.Accepted : PartClaimStatus.Rejected;
        line.ClaimAmount = accepted ? amount : 0m;
        Record(PartMovementKind.ClaimSettled, actor, now, note: text, partCode: line.PartCode, amount: line.ClaimAmount);
        return null;
    }

    private static string? ShipmentError(string? trackingNumber, DateOnly? shippedOn, DateOnly today) =>
        string.IsNullOrWhiteSpace(trackingNumber) || trackingNumber.Trim().Length > TrackingLength ? "Parts.Validation.Tracking"
        : shippedOn is null || shippedOn > today ? "Parts.Validation.ShippedOn"
        : null;

    private static string? Trimmed(string? text) =>
        text?.Trim() is { Length: > 0 } t ? (t.Length > NoteLength ? t[..NoteLength] : t) : null;

    private void Record(PartMovementKind kind, RequestActor actor, DateTimeOffset now, string? note = null, string? carrierCode = null,
        string? trackingNumber = null, string? partCode = null, decimal? amount = null)
    {
        LastMovementAt = now;
        ConcurrencyStamp = Guid.NewGuid().ToString("N");
        Movements.Add(new PartMovement
        {
            PartRequestId = Id, Kind = kind, At = now, ByUserId = actor.UserId, By = actor.Name, Note = note,
            CarrierCode = carrierCode, TrackingNumber = trackingNumber, PartCode = partCode, Amount = amount,
        });
    }
}

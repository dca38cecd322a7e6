using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Parts;

/// <summary>Who may take which step of a part request, what an application must hold, and when a wait is too long.</summary>
public static class PartRules
{
    public const int MaxLines = 20;
    public const int MaxQuantity = 999;
    public const decimal MaxPrice = 1_000_000m;

    /// <summary>A step waiting longer than this is shown as overdue.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromDays(7);

    /// <summary>The desk applies on any request; an engineer only on a request assigned to them.</summary>
    public static bool CanApply(RequestActor actor, string? assigneeId) => actor.IsServiceDesk || IsAssignedEngineer(actor, assigneeId);

    /// <summary>Approving and rejecting spends the company's stock: managers and tenant admins.</summary>
    public static bool CanDecide(RequestActor actor) => actor.IsManager;

    /// <summary>The desk (dispatchers, agents, managers) sends parts out from the warehouse.</summary>
    public static bool CanShip(RequestActor actor) => actor.IsServiceDesk;

    /// <summary>The parcel reaches the desk or the engineer on the request, so either confirms it.</summary>
    public static bool CanReceive(RequestActor actor, string? assigneeId) => actor.IsServiceDesk || IsAssignedEngineer(actor, assigneeId);

    /// <summary>The engineer who fitted the new part sends the old one back, or the desk for them.</summary>
    public static bool CanShipOldPart(RequestActor actor, string? assigneeId) => actor.IsServiceDesk || IsAssignedEngineer(actor, assigneeId);

    public static bool CanReceiveOldPart(RequestActor actor) => actor.IsServiceDesk;

    /// <summary>Not getting a part back may cost a supplier claim, so only a manager lets it go.</summary>
    public static bool CanWaiveOldPart(RequestActor actor) => actor.IsManager;

    public static bool CanClaim(RequestActor actor) => actor.IsServiceDesk;

    /// <summary>Sees every part request of the tenant in the list.</summary>
    public static bool CanList(RequestActor actor) => actor.IsServiceDesk;

    private static bool IsAssignedEngineer(RequestActor actor, string? assigneeId) =>
        actor.UserId is not null && assigneeId == actor.UserId && actor.Roles.Contains(Roles.Engineer);

    /// <summary>An amount with at most two decimals, below <see cref="MaxPrice"/>.</summary>
    public static bool IsMoney(decimal amount) => amount >= 0 && amount < MaxPrice && decimal.Round(amount, 2) == amount;

    /// <summary>The errors of an application, by field (<c>Reason</c>, <c>Lines</c>, <c>Lines[i].Quantity</c>…): text keys.</summary>
    public static Dictionary<string, string> Validate(PartApplication application)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(application.Reason) || application.Reason.Trim().Length > PartRequest.NoteLength)
        {
            errors[nameof(application.Reason)] = "Parts.Validation.Reason";
        }

        var lines = application.Lines;
        if (lines.Count == 0 || lines.Count > MaxLines)
        {
            errors[nameof(application.Lines)] = "Parts.Validation.Lines";
        }
        else if (lines.GroupBy(l => (l.SparePartId, l.Charging)).Any(g => g.Count() > 1))
        {
            errors[nameof(application.Lines)] = "Parts.Validation.DuplicateLine";
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Quantity is < 1 or > MaxQuantity)
            {
                errors[$"Lines[{i}].Quantity"] = "Parts.Validation.Quantity";
            }

            if (lines[i].UnitPrice is { } price && !IsMoney(price))
            {
                errors[$"Lines[{i}].UnitPrice"] = "Parts.Validation.Price";
            }
        }

        return errors;
    }

    /// <summary>How long something has waited, as the lists show it: days once past one, otherwise hours.</summary>
    public static (int Value, bool InDays) Age(TimeSpan waited) =>
        waited.TotalDays >= 1 ? ((int)waited.TotalDays, true) : (Math.Max(0, (int)waited.TotalHours), false);

    public static bool IsOverdue(TimeSpan waited) => waited > OverdueAfter;

    /// <summary>Whether the request still waits for someone: a decision, a parcel, a receipt or an old part.</summary>
    public static bool IsOpen(PartRequestStatus status, OldPartStatus oldPart) =>
        status is PartRequestStatus.Applied or PartRequestStatus.Approved or PartRequestStatus.Shipped
        || (status == PartRequestStatus.Received && oldPart is OldPartStatus.Awaited or OldPartStatus.ShippedBack);
}

/// <summary>What the apply dialog sends: the reason and the lines chosen from the catalogue.</summary>
public sealed class PartApplication
{
    public string? Reason { get; set; }
    public List<PartLineInput> Lines { get; set; } = [];
}

/// <summary>A line as applied for; a null price takes the catalogue's.</summary>
public sealed class PartLineInput
{
    public Guid SparePartId { get; set; }
    public string? PartCode { get; set; }
    public string? PartName { get; set; }
    public int Quantity { get; set; } = 1;
    public PartCharging Charging { get; set; }
    public decimal? UnitPrice { get; set; }
    public bool ReturnOldPart { get; set; }
}

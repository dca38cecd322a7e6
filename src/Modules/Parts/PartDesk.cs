using AfterSales.Modules.Rma;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Parts;

/// <summary>
/// Part requests of the tenant's service requests: applying, each later step with its role check, and the request's part
/// history. A step is taken on the part request as the user loaded it (its stamp): someone else's step in between is refused,
/// never overwritten.
/// </summary>
public sealed class PartDesk(IDbFactory<IPartsDb> dbFactory, CarrierBook carriers, ITenantContext tenantContext, TimeProvider clock)
{
    /// <summary>The part requests of a service request, oldest first, with their lines and movements.</summary>
    public async Task<IReadOnlyList<PartRequest>> ForRequestAsync(Guid serviceRequestId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.PartRequests.AsNoTracking().AsSplitQuery()
            .Include(p => p.Lines.OrderBy(l => l.LineNo)).Include(p => p.Movements.OrderBy(m => m.At).ThenBy(m => m.Id))
            .Where(p => p.ServiceRequestId == serviceRequestId).OrderBy(p => p.AppliedAt).ToListAsync(cancellationToken);
    }

    /// <summary>One part request of the tenant with its lines and movements; null for an unknown id or another tenant's.</summary>
    public async Task<PartRequest?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.PartRequests.AsNoTracking().AsSplitQuery()
            .Include(p => p.Lines.OrderBy(l => l.LineNo)).Include(p => p.Movements.OrderBy(m => m.At).ThenBy(m => m.Id))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>Applies for parts on an open service request; prices left empty are the catalogue's.</summary>
    public async Task<PartResult> ApplyAsync(Guid serviceRequestId, PartApplication application, RequestActor actor, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var request = await db.ServiceRequests.AsNoTracking().Where(r => r.Id == serviceRequestId)
            .Select(r => new { r.Id, r.Number, r.AssigneeId, r.StatusCategory }).FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return new PartResult(ActionStatus.NotFound);
        }

        if (!PartRules.CanApply(actor, request.AssigneeId))
        {
            return new PartResult(ActionStatus.NotAllowed, "Parts.Error.NotAllowed");
        }

        if (request.StatusCategory == StatusCategory.Done)
        {
            return new PartResult(ActionStatus.Invalid, "Parts.Error.RequestClosed");
        }

        var errors = PartRules.Validate(application);
        var ids = application.Lines.Select(l => l.SparePartId).Distinct().ToList();
        var catalogue = await db.SpareParts.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, cancellationToken);
        for (var i = 0; i < application.Lines.Count; i++)
        {
            if (!catalogue.ContainsKey(application.Lines[i].SparePartId))
            {
                errors[$"Lines[{i}].Part"] = "Parts.Validation.Part";
            }
        }

        if (errors.Count > 0)
        {
            return new PartResult(ActionStatus.Invalid, errors.Values.First(), errors);
        }

        var lines = application.Lines.Select(l =>
        {
            var part = catalogue[l.SparePartId];
            return new PartRequestLine
            {
                SparePartId = part.Id, PartCode = part.Code, PartName = part.Name, Unit = part.Unit, Quantity = l.Quantity, Charging = l.Charging,
                UnitPrice = l.UnitPrice ?? part.Price, ReturnOldPart = l.ReturnOldPart,
            };
        });
        var sequence = await db.PartRequests.CountAsync(p => p.ServiceRequestId == request.Id, cancellationToken) + 1;
        var now = clock.GetUtcNow();
        var partRequest = PartRequest.Apply(request.Id, request.Number, sequence, application.Reason!, lines, actor, now);
        db.PartRequests.Add(partRequest);
        db.RequestEvents.Add(TimelineLine(partRequest, partRequest.Movements[^1], actor));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another application on the same request took this number at the same moment.
            return new PartResult(ActionStatus.Conflict, "Parts.Error.Conflict");
        }

        return new PartResult(ActionStatus.Done, Id: partRequest.Id);
    }

    public Task<PartResult> ApproveAsync(Guid id, string loadedStamp, string? note, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, loadedStamp, actor, (_, _) => PartRules.CanDecide(actor), (p, now) => p.Approve(note, actor, now), cancellationToken);

    public Task<PartResult> RejectAsync(Guid id, string loadedStamp, string? reason, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, loadedStamp, actor, (_, _) => PartRules.CanDecide(actor), (p, now) => p.Reject(reason, actor, now), cancellationToken);

    public async Task<PartResult> ShipAsync(Guid id, string loadedStamp, ShipmentInput shipment, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var carrier = await CarrierAsync(shipment.CarrierCode, cancellationToken);
        return await StepAsync(id, loadedStamp, actor, (_, _) => PartRules.CanShip(actor),
            (p, now) => carrier is null ? "Parts.Validation.Carrier" : p.Ship(carrier, shipment.TrackingNumber, shipment.ShippedOn, Today(now), actor, now), cancellationToken);
    }

    public Task<PartResult> ReceiveAsync(Guid id, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, loadedStamp, actor, (_, assignee) => PartRules.CanReceive(actor, assignee), (p, now) => p.Receive(actor, now), cancellationToken);

    public async Task<PartResult> ShipOldPartAsync(Guid id, string loadedStamp, ShipmentInput shipment, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var carrier = await CarrierAsync(shipment.CarrierCode, cancellationToken);
        return await StepAsync(id, loadedStamp, actor, (_, assignee) => PartRules.CanShipOldPart(actor, assignee),
            (p, now) => carrier is null ? "Parts.Validation.Carrier" : p.ShipOldPart(carrier, shipment.TrackingNumber, shipment.ShippedOn, Today(now), actor, now),
            cancellationToken);
    }

    public Task<PartResult> ReceiveOldPartAsync(Guid id, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, loadedStamp, actor, (_, _) => PartRules.CanReceiveOldPart(actor), (p, now) => p.ReceiveOldPart(actor, now), cancellationToken);

    public Task<PartResult> WaiveOldPartAsync(Guid id, string loadedStamp, string? reason, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, loadedStamp, actor, (_, _) => PartRules.CanWaiveOldPart(actor), (p, now) => p.WaiveOldPart(reason, actor, now), cancellationToken);

    public Task<PartResult> FileClaimAsync(Guid id, string loadedStamp, Guid lineId, string? supplier, decimal amount, RequestActor actor,
        CancellationToken cancellationToken = default) =>
        StepAsync(id, loadedStamp, actor, (_, _) => PartRules.CanClaim(actor), (p, now) => p.FileClaim(lineId, supplier, amount, actor, now), cancellationToken);

    public Task<PartResult> SettleClaimAsync(Guid id, string loadedStamp, Guid lineId, bool accepted, decimal amount, string? note, RequestActor actor,
        CancellationToken cancellationToken = default) =>
        StepAsync(id, loadedStamp, actor, (_, _) => PartRules.CanClaim(actor), (p, now) => p.SettleClaim(lineId, accepted, amount, note, actor, now), cancellationToken);

    /// <summary>The part requests of the tenant for the list, waiting for approval first unless sorted otherwise; empty for a user who may not list them.</summary>
    public async Task<PartRequestPage> SearchAsync(PartRequestQuery query, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!PartRules.CanList(actor))
        {
            return new PartRequestPage([], 0);
        }

        using var db = dbFactory.Create();
        var requests = db.PartRequests.AsNoTracking();
        requests = query.Filter switch
        {
            PartListFilter.Open => requests.Where(p => p.Status == PartRequestStatus.Applied || p.Status == PartRequestStatus.Approved
                                                      || p.Status == PartRequestStatus.Shipped
                                                      || (p.Status == PartRequestStatus.Received
                                                          && (p.OldPartStatus == OldPartStatus.Awaited || p.OldPartStatus == OldPartStatus.ShippedBack))),
            PartListFilter.Applied => requests.Where(p => p.Status == PartRequestStatus.Applied),
            PartListFilter.Approved => requests.Where(p => p.Status == PartRequestStatus.Approved),
            PartListFilter.Rejected => requests.Where(p => p.Status == PartRequestStatus.Rejected),
            PartListFilter.Shipped => requests.Where(p => p.Status == PartRequestStatus.Shipped),
            PartListFilter.Received => requests.Where(p => p.Status == PartRequestStatus.Received),
            PartListFilter.OldPartOutstanding => requests.Where(p => p.OldPartStatus == OldPartStatus.Awaited || p.OldPartStatus == OldPartStatus.ShippedBack),
            _ => requests,
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search.Trim());
            requests = requests.Where(p => EF.Functions.Like(p.Number, pattern, SearchPattern.Escape)
                                           || p.Lines.Any(l => EF.Functions.Like(l.PartCode, pattern, SearchPattern.Escape)
                                                               || EF.Functions.Like(l.PartName, pattern, SearchPattern.Escape)));
        }

        var total = await requests.CountAsync(cancellationToken);
        var descending = query.Descending;
        IOrderedQueryable<PartRequest> ordered = query.Sort switch
        {
            PartSort.Number => descending ? requests.OrderByDescending(p => p.Number) : requests.OrderBy(p => p.Number),
            PartSort.Status => descending ? requests.OrderByDescending(p => p.Status) : requests.OrderBy(p => p.Status),
            PartSort.AppliedAt => descending ? requests.OrderByDescending(p => p.AppliedAt) : requests.OrderBy(p => p.AppliedAt),
            PartSort.LastMovement => descending ? requests.OrderByDescending(p => p.LastMovementAt) : requests.OrderBy(p => p.LastMovementAt),
            // Waiting for approval first, then whatever has waited longest.
            _ => requests.OrderBy(p => p.Status == PartRequestStatus.Applied ? 0 : 1).ThenBy(p => p.LastMovementAt),
        };
        var page = await ordered.ThenBy(p => p.Number)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, PartRequestQuery.MaxPageSize))
            .Include(p => p.Lines.OrderBy(l => l.LineNo))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new PartRequestPage(page, total);
    }

    /// <summary>The tenant's carrier of that code, if offered; a retired one is not shipped with any more.</summary>
    private async Task<string?> CarrierAsync(string? code, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code) ? null
            : (await carriers.ListAsync(cancellationToken: cancellationToken)).FirstOrDefault(c => c.Code == code.Trim().ToUpperInvariant())?.Code;

    private DateOnly Today(DateTimeOffset now) => tenantContext.Tenant.TodayFor(now);

    private async Task<PartResult> StepAsync(Guid id, string loadedStamp, RequestActor actor, Func<PartRequest, string?, bool> allowed,
        Func<PartRequest, DateTimeOffset, string?> step, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var partRequest = await db.PartRequests.Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partRequest is null)
        {
            return new PartResult(ActionStatus.NotFound);
        }

        var assignee = await db.ServiceRequests.Where(r => r.Id == partRequest.ServiceRequestId).Select(r => r.AssigneeId).FirstOrDefaultAsync(cancellationToken);
        if (!allowed(partRequest, assignee))
        {
            return new PartResult(ActionStatus.NotAllowed, "Parts.Error.NotAllowed");
        }

        if (partRequest.ConcurrencyStamp != loadedStamp)
        {
            return new PartResult(ActionStatus.Conflict, "Parts.Error.Conflict");
        }

        var now = clock.GetUtcNow();
        if (step(partRequest, now) is { } error)
        {
            return new PartResult(ActionStatus.Invalid, error);
        }

        var movement = partRequest.Movements[^1];
        db.PartMovements.Add(movement);
        db.RequestEvents.Add(TimelineLine(partRequest, movement, actor));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new PartResult(ActionStatus.Done, Id: partRequest.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PartResult(ActionStatus.Conflict, "Parts.Error.Conflict");
        }
    }

    private static RequestEvent TimelineLine(PartRequest partRequest, PartMovement movement, RequestActor actor)
    {
        var line = RequestEvent.Of(actor, partRequest.ServiceRequestId, movement.At, RequestEventKind.PartMoved, PartTimeline.Text(movement.Kind, partRequest.Number));
        line.Details = movement.Note ?? (movement.TrackingNumber is { } tracking ? $"{movement.CarrierCode} {tracking}" : null);
        return line;
    }
}

public sealed record PartResult(ActionStatus Status, string? ErrorKey = null, IReadOnlyDictionary<string, string>? Errors = null, Guid? Id = null);

/// <summary>The parcel of a step: carrier code from the tenant's carriers, tracking number and the day it left.</summary>
public sealed class ShipmentInput
{
    public string? CarrierCode { get; set; }
    public string? TrackingNumber { get; set; }
    public DateOnly? ShippedOn { get; set; }
}

public enum PartListFilter
{
    Open,
    All,
    Applied,
    Approved,
    Rejected,
    Shipped,
    Received,
    OldPartOutstanding,
}

public enum PartSort
{
    /// <summary>Waiting for approval first, then the longest wait.</summary>
    Pending,
    Number,
    Status,
    AppliedAt,
    LastMovement,
}

public sealed record PartRequestQuery(string? Search = null, PartListFilter Filter = PartListFilter.Open, PartSort Sort = PartSort.Pending, bool Descending = false,
    int Skip = 0, int Take = 20)
{
    public const int MaxPageSize = 100;
}

public sealed record PartRequestPage(IReadOnlyList<PartRequest> Items, int Total);

/// <summary>What the claim dialog sends: the supplier and amount claimed, or the supplier's answer.</summary>
public sealed class PartClaimInput
{
    public string? Supplier { get; set; }
    public decimal? Amount { get; set; }
    public bool Accepted { get; set; } = true;
    public string? Note { get; set; }
}

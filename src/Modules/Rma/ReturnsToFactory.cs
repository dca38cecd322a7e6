using AfterSales.Modules.Customers;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Rma;

/// <summary>
/// The return-to-factory requests (type RMA, or any type running the RMA workflow) with where each stands: its latest parcel and
/// how long it has been in its current step, taken from the timeline's last entry into that status.
/// </summary>
public sealed class ReturnsToFactory(IDbFactory<IRmaDb> dbFactory, CarrierBook carriers, RequestWorkflow workflow, RequestDesk desk,
    ServiceTypeCatalog types, CustomerDirectory customers, TimeProvider clock)
{
    public const string TypeCode = "RMA";
    public const int MaxPageSize = 100;

    /// <summary>A step waited in longer than this is flagged.</summary>
    public static readonly TimeSpan OverdueInStep = TimeSpan.FromDays(7);

    /// <summary>The statuses to filter by: those of the RMA type's workflow.</summary>
    public async Task<IReadOnlyList<StatusLabel>> StatusesAsync(CancellationToken cancellationToken = default) =>
        await types.FindByCodeAsync(TypeCode, cancellationToken) is { } type ? await desk.StatusesAsync(type.Id, cancellationToken) : [];

    public async Task<RmaPage> SearchAsync(RmaQuery query, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var requests = db.ServiceRequests.AsNoTracking().Where(r => r.ServiceType!.Code == TypeCode || r.WorkflowKey == TypeCode);
        requests = query.Status switch
        {
            null => requests.Where(r => r.StatusCategory != StatusCategory.Done),
            RmaQuery.AnyStatus => requests,
            var status => requests.Where(r => r.Status == status),
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search.Trim());
            requests = requests.Where(r => EF.Functions.Like(r.Number, pattern, SearchPattern.Escape) || EF.Functions.Like(r.SerialNumber!, pattern, SearchPattern.Escape)
                                           || EF.Functions.Like(r.ModelCode!, pattern, SearchPattern.Escape));
        }

        var total = await requests.CountAsync(cancellationToken);
        var rows = requests.Select(r => new
        {
            r.Id, r.Number, r.Status, r.WorkflowKey, r.WorkflowVersion, r.CustomerId, r.SerialNumber, r.ModelCode, r.CreatedAt, r.ClosedAt,
            // Entered by the last status change into the current status; a request still in its first status entered it when taken.
            InStepSince = db.RequestEvents.Where(e => e.ServiceRequestId == r.Id && e.Kind == RequestEventKind.StatusChanged && e.ToStatus == r.Status)
                .Max(e => (DateTimeOffset?)e.At) ?? r.CreatedAt,
        });
        var descending = query.Descending;
        var ordered = query.Sort switch
        {
            RmaSort.Number => descending ? rows.OrderByDescending(r => r.Number) : rows.OrderBy(r => r.Number),
            RmaSort.Status => descending ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status),
            // Ages: descending is the longest first, the oldest date.
            RmaSort.TotalAge => descending ? rows.OrderBy(r => r.CreatedAt) : rows.OrderByDescending(r => r.CreatedAt),
            _ => descending ? rows.OrderBy(r => r.InStepSince) : rows.OrderByDescending(r => r.InStepSince),
        };
        var page = await ordered.ThenBy(r => r.Number).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPageSize)).ToListAsync(cancellationToken);

        var ids = page.Select(r => r.Id).ToList();
        var shipments = (await db.RequestShipments.AsNoTracking().Where(s => ids.Contains(s.ServiceRequestId)).ToListAsync(cancellationToken))
            .GroupBy(s => s.ServiceRequestId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.At)!);
        var carrierList = shipments.Count == 0 ? [] : await carriers.ListAsync(includeRetired: true, cancellationToken);
        var owners = await customers.RefsAsync(page.Where(r => r.CustomerId != null).Select(r => r.CustomerId!.Value), cancellationToken);
        var labels = new Dictionary<(string, int, string), StatusLabel>();
        foreach (var r in page.DistinctBy(r => (r.WorkflowKey, r.WorkflowVersion, r.Status)))
        {
            labels[(r.WorkflowKey, r.WorkflowVersion, r.Status)] = await workflow.LabelAsync(r.WorkflowKey, r.WorkflowVersion, r.Status, cancellationToken);
        }

        var now = clock.GetUtcNow();
        return new RmaPage(page.Select(r =>
        {
            var shipment = shipments.GetValueOrDefault(r.Id);
            var carrier = shipment is null ? null : carrierList.FirstOrDefault(c => c.Code == shipment.CarrierCode);
            var label = labels[(r.WorkflowKey, r.WorkflowVersion, r.Status)];
            var end = r.ClosedAt ?? now;
            return new RmaRow(r.Id, r.Number, label, r.CustomerId is { } id ? owners.GetValueOrDefault(id)?.Name : null, r.SerialNumber, r.ModelCode,
                shipment, carrier, r.InStepSince, end - r.InStepSince, end - r.CreatedAt);
        }).ToList(), total);
    }
}

/// <param name="Status">A status key; null for every open request, <see cref="AnyStatus"/> for closed ones too.</param>
/// <param name="Descending">For the ages, the longest first; by default the longest in its step first, what needs chasing.</param>
public sealed record RmaQuery(string? Status = null, string? Search = null, RmaSort Sort = RmaSort.InStep, bool Descending = true, int Skip = 0, int Take = 20)
{
    public const string AnyStatus = "*";
}

public enum RmaSort
{
    /// <summary>Time in the current step.</summary>
    InStep,
    Number,
    Status,

    /// <summary>Time since the request was taken.</summary>
    TotalAge,
}

/// <param name="InStep">How long it has been in its current status (until it closed, for a closed one).</param>
public sealed record RmaRow(Guid Id, string Number, StatusLabel Status, string? CustomerName, string? SerialNumber, string? ModelCode,
    RequestShipment? LatestShipment, Carrier? Carrier, DateTimeOffset InStepSince, TimeSpan InStep, TimeSpan Total)
{
    public bool IsOverdue => Status.Category != StatusCategory.Done && InStep > ReturnsToFactory.OverdueInStep;
}

public sealed record RmaPage(IReadOnlyList<RmaRow> Items, int Total);

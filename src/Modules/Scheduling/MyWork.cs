using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Scheduling;

/// <summary>
/// The signed-in engineer's day on the phone: their visits in the order of their windows, then their open requests that have no
/// visit agreed yet, each with what they need at the door.
/// </summary>
public sealed class MyWork(IDbFactory<ISchedulingDb> dbFactory, RequestDesk desk, ITenantContext tenantContext, TimeProvider clock)
{
    public const int HistorySize = 5;

    public DateOnly Today => tenantContext.Tenant.TodayFor(clock.GetUtcNow());

    /// <summary>The visits of <paramref name="actor"/> on <paramref name="day"/>; null for a user who is not the tenant's staff.</summary>
    public async Task<MyWorkDay?> DayAsync(DateOnly day, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is not { } me || !TeamCalendar.Reads(actor))
        {
            return null;
        }

        var today = Today;
        var zone = VisitWindow.ZoneOf(tenantContext.Tenant);
        using var db = dbFactory.Create();
        var visits = (await db.Appointments.AsNoTracking()
                .Where(a => a.EngineerId == me && a.Day == day && a.Status != AppointmentStatus.Cancelled)
                .ToListAsync(cancellationToken))
            .OrderBy(a => a.StartsAt).ToList();
        // Yesterday's list is what happened; requests still waiting for a visit belong to today and the days ahead.
        var waiting = day < today ? [] : await db.ServiceRequests.AsNoTracking()
            .Where(r => r.AssigneeId == me && r.StatusCategory != StatusCategory.Done && !db.Appointments.Any(a => a.PlannedRequestId == r.Id))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        var requestIds = visits.Select(v => v.ServiceRequestId).Concat(waiting).Distinct().ToList();
        var requests = await db.ServiceRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var customerIds = requests.Values.Where(r => r.CustomerId is not null).Select(r => r.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Include(c => c.Contacts).Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var serialIds = requests.Values.Where(r => r.SerialNumberId is not null).Select(r => r.SerialNumberId!.Value).Distinct().ToList();
        var serials = await db.SerialNumbers.AsNoTracking().Where(s => serialIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var modelCodes = requests.Values.Where(r => r.ModelCode is not null).Select(r => r.ModelCode!).Distinct().ToList();
        var models = await db.ProductModels.AsNoTracking().Where(m => modelCodes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken);

        WorkCard Card(ServiceRequest r, Appointment? visit)
        {
            var customer = r.CustomerId is { } c ? customers.GetValueOrDefault(c) : null;
            var serial = r.SerialNumberId is { } s ? serials.GetValueOrDefault(s) : null;
            // Whom to call: the request's contact; without one, the customer's first contact with a phone, then the customer's own line.
            var contact = customer?.Contacts.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Phone));
            var (contactName, contactPhone) = r.ContactName is not null || r.ContactPhone is not null ? (r.ContactName, r.ContactPhone)
                : contact is not null ? (contact.Name, contact.Phone) : (customer?.Name, customer?.Phone);
            return new WorkCard(r.Id, r.Number, r.Subject, r.CustomerId, customer?.Name, customer?.Address, customer?.Region,
                contactName, contactPhone, r.ModelCode, r.ModelCode is { } m ? models.GetValueOrDefault(m) : null,
                r.SerialNumber, serial?.WarrantyOn(today), visit is null ? null : AppointmentView.Of(visit, zone));
        }

        return new MyWorkDay(day, today,
            [.. visits.Where(v => requests.ContainsKey(v.ServiceRequestId)).Select(v => Card(requests[v.ServiceRequestId], v))],
            [.. waiting.Select(id => requests[id]).OrderBy(r => r.RequestedDate ?? DateOnly.MaxValue).ThenBy(r => r.Number, StringComparer.Ordinal).Select(r => Card(r, null))]);
    }

    /// <summary>The unit's earlier requests, or the customer's when no unit is named: the last few, this one left out.</summary>
    public async Task<IReadOnlyList<RequestRow>> HistoryAsync(WorkCard card, CancellationToken cancellationToken = default)
    {
        if (card.SerialNumber is null && card.CustomerId is null)
        {
            return [];
        }

        var query = card.SerialNumber is { } sn ? new RequestQuery(SerialNumber: sn, Take: HistorySize + 1) : new RequestQuery(CustomerId: card.CustomerId, Take: HistorySize + 1);
        return [.. (await desk.SearchAsync(query, cancellationToken)).Items.Where(r => r.Id != card.RequestId).Take(HistorySize)];
    }
}

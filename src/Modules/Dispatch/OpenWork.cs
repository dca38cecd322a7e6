using AfterSales.Modules.Service;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// The open requests an engineer holds, by the day each is to be visited: the day the customer asked for, or today when they
/// asked for none or it has passed. Capacity, least load and the dispatch board count from it.
/// </summary>
public sealed class OpenWork(IReadOnlyList<DateOnly?> requestedDates)
{
    public static OpenWork None { get; } = new([]);

    /// <summary>Every request not done, whatever its day.</summary>
    public int Open => requestedDates.Count;

    /// <summary>The requests to visit on <paramref name="day"/>; today's include the undated and overdue ones.</summary>
    public int On(DateOnly day, DateOnly today) =>
        day <= today ? requestedDates.Count(d => d is null || d <= today) : requestedDates.Count(d => d == day);

    /// <summary>The requests to visit from today up to and including <paramref name="last"/>.</summary>
    public int Through(DateOnly last) => requestedDates.Count(d => d is null || d <= last);

    /// <summary>The open work of each of <paramref name="userIds"/> who holds any, leaving out <paramref name="besides"/> (the request being assigned).</summary>
    public static async Task<Dictionary<string, OpenWork>> ReadAsync(IQueryable<ServiceRequest> requests, IReadOnlyCollection<string> userIds, Guid? besides,
        CancellationToken cancellationToken)
    {
        var rows = await requests.AsNoTracking()
            .Where(r => r.AssigneeId != null && userIds.Contains(r.AssigneeId) && r.StatusCategory != StatusCategory.Done && r.Id != besides)
            .Select(r => new { r.AssigneeId, r.RequestedDate })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.AssigneeId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new OpenWork([.. g.Select(r => r.RequestedDate)]), StringComparer.Ordinal);
    }
}

using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>How much each engineer holds: the requests assigned to them that are not done, which "least load" balances.</summary>
public static class Workload
{
    public static Task<Dictionary<string, int>> OpenCountsAsync(IQueryable<ServiceRequest> requests, IReadOnlyCollection<string> userIds, Guid? besides,
        CancellationToken cancellationToken) =>
        requests.AsNoTracking()
            .Where(r => r.AssigneeId != null && userIds.Contains(r.AssigneeId) && r.StatusCategory != StatusCategory.Done && r.Id != besides)
            .GroupBy(r => r.AssigneeId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
}

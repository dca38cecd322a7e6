using System.Globalization;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Service analysis (服务分析): how many requests came in per period and type, under which fault categories, about which
/// models and production batches, in or out of warranty. Every figure is counted by the database (GROUP BY); only the
/// grouped rows come back.
/// </summary>
public sealed class ServiceAnalysis(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext)
{
    public const int TopModels = 10;
    public const int TopBatches = 15;

    public async Task<ServiceAnalysisResult> RunAsync(ReportFilter filter, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var requests = RequestScope.Of(db, filter, tenantContext.Tenant);

        var perDay = await requests
            .GroupBy(r => new { Day = r.Number.Substring(RequestScope.NumberDayStart, RequestScope.NumberDayLength), r.ServiceTypeId })
            .Select(g => new { g.Key.Day, g.Key.ServiceTypeId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var typeIds = perDay.Select(d => d.ServiceTypeId).Distinct().ToList();
        var types = (await db.ServiceTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToListAsync(cancellationToken))
            .OrderBy(t => t.SortOrder).Select(t => new TypeVolume(t.Id, t.NameIn(culture), t.Color, t.Icon, perDay.Where(d => d.ServiceTypeId == t.Id).Sum(d => d.Count)))
            .ToList();
        var total = types.Sum(t => t.Count);

        var byBucket = perDay.GroupBy(d => ReportFilter.BucketStart(RequestScope.DayOfNumber(d.Day), filter.Bucket))
            .ToDictionary(g => g.Key, g => g.GroupBy(d => d.ServiceTypeId).ToDictionary(t => t.Key, t => t.Sum(d => d.Count)));
        var periods = filter.Buckets().Select(start =>
        {
            var counts = byBucket.GetValueOrDefault(start) ?? [];
            return new PeriodVolume(start, filter.BucketLabel(start), counts, counts.Values.Sum());
        }).ToList();

        var perCategory = await requests.GroupBy(r => r.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var categoryIds = perCategory.Where(c => c.Key != null).Select(c => c.Key!.Value).ToList();
        var categoryNames = (await db.DictionaryEntries.AsNoTracking().Where(e => categoryIds.Contains(e.Id)).ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id, e => e.NameIn(culture));
        var categories = perCategory.OrderByDescending(c => c.Count)
            .Select(c => new NamedCount(c.Key?.ToString() ?? "", c.Key is { } id ? categoryNames.GetValueOrDefault(id) ?? "?" : "", c.Count, Percent.Of(c.Count, total)))
            .ToList();

        var perModel = await requests.Where(r => r.ModelCode != null).GroupBy(r => r.ModelCode!)
            .Select(g => new { Code = g.Key, Count = g.Count() }).OrderByDescending(m => m.Count).ThenBy(m => m.Code).Take(TopModels).ToListAsync(cancellationToken);
        var codes = perModel.Select(m => m.Code).ToList();
        var modelNames = await db.ProductModels.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken);
        var models = perModel.Select(m => new NamedCount(m.Code, modelNames.GetValueOrDefault(m.Code) ?? m.Code, m.Count, Percent.Of(m.Count, total))).ToList();

        var warranty = (await requests.GroupBy(r => r.WarrantyState).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .OrderByDescending(w => w.Count).Select(w => new NamedCount(w.Key ?? "", w.Key ?? "", w.Count, Percent.Of(w.Count, total))).ToList();

        return new ServiceAnalysisResult(total, types, periods, categories, models, await BatchesAsync(db, requests, filter, cancellationToken), warranty);
    }

    // Defect rate of a batch: its requests in the period against all units of the batch registered, which is what the factory
    // made and sold of it (units of the batch never asked about count too).
    private static async Task<IReadOnlyList<BatchDefects>> BatchesAsync(
        IReportsDb db, IQueryable<ServiceRequest> requests, ReportFilter filter, CancellationToken cancellationToken)
    {
        var perBatch = await (from r in requests
                              join s in db.SerialNumbers on r.SerialNumberId equals s.Id
                              where s.Batch != null
                              group r by new { s.ProductModelId, s.Batch } into g
                              select new { g.Key.ProductModelId, Batch = g.Key.Batch!, Count = g.Count() })
            .OrderByDescending(b => b.Count).ThenBy(b => b.Batch).Take(TopBatches).ToListAsync(cancellationToken);
        if (perBatch.Count == 0)
        {
            return [];
        }

        var batchNames = perBatch.Select(b => b.Batch).Distinct().ToList();
        var modelIds = perBatch.Select(b => b.ProductModelId).Distinct().ToList();
        var units = await db.SerialNumbers.Where(s => batchNames.Contains(s.Batch!) && modelIds.Contains(s.ProductModelId))
            .GroupBy(s => new { s.ProductModelId, s.Batch }).Select(g => new { g.Key.ProductModelId, g.Key.Batch, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var models = await db.ProductModels.AsNoTracking().Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Code, cancellationToken);
        return perBatch.Select(b =>
        {
            var made = units.FirstOrDefault(u => u.ProductModelId == b.ProductModelId && u.Batch == b.Batch)?.Count ?? 0;
            return new BatchDefects(models.GetValueOrDefault(b.ProductModelId) ?? "?", b.Batch, b.Count, made, Percent.Of(b.Count, made));
        }).ToList();
    }
}

public sealed record ServiceAnalysisResult(
    int Total, IReadOnlyList<TypeVolume> Types, IReadOnlyList<PeriodVolume> Periods, IReadOnlyList<NamedCount> Categories,
    IReadOnlyList<NamedCount> Models, IReadOnlyList<BatchDefects> Batches, IReadOnlyList<NamedCount> Warranty);

public sealed record TypeVolume(Guid Id, string Name, string Color, string Icon, int Count);

public sealed record PeriodVolume(DateOnly Start, string Label, IReadOnlyDictionary<Guid, int> ByType, int Total)
{
    public int Of(Guid type) => ByType.GetValueOrDefault(type);
}

/// <param name="Key">What the row is grouped by (an id, a code, a state); empty for "none".</param>
public sealed record NamedCount(string Key, string Name, int Count, double? Share);

/// <param name="Rate">Requests per 100 registered units of the batch.</param>
public sealed record BatchDefects(string ModelCode, string Batch, int Requests, int Units, double? Rate);

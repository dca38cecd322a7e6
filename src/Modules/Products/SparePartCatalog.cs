using Microsoft.EntityFrameworkCore;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Products;

/// <summary>The tenant's spare parts and their list prices.</summary>
public sealed class SparePartCatalog(IDbFactory<IProductsDb> dbFactory)
{
    public const int MaxPageSize = 100;

    /// <summary>An export holds at most this many rows; beyond it the list must be filtered first.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>Every row matching the filter, ordered like the list, for an export.</summary>
    public Task<PartPage> ExportAsync(PartQuery query, CancellationToken cancellationToken = default) =>
        SearchAsync(query with { Skip = 0, Take = MaxExportRows }, MaxExportRows, cancellationToken);

    public Task<PartPage> SearchAsync(PartQuery query, CancellationToken cancellationToken = default) =>
        SearchAsync(query, MaxPageSize, cancellationToken);

    private async Task<PartPage> SearchAsync(PartQuery query, int maxTake, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var parts = db.SpareParts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            parts = parts.Where(p => EF.Functions.Like(p.Code, pattern, SearchPattern.Escape) || EF.Functions.Like(p.Name, pattern, SearchPattern.Escape)
                                     || EF.Functions.Like(p.Specification!, pattern, SearchPattern.Escape));
        }

        if (!query.IncludeInactive)
        {
            parts = parts.Where(p => p.IsActive);
        }

        var total = await parts.CountAsync(cancellationToken);
        var rows = await parts.OrderBy(p => p.Code)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, maxTake))
            .Select(p => new PartRow(p.Id, p.Code, p.Name, p.Specification, p.Unit, p.Price, p.IsActive))
            .ToListAsync(cancellationToken);
        return new PartPage(rows, total);
    }

    public async Task<SparePart?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.SpareParts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>Creates a part (<paramref name="id"/> null) or changes one the editor loaded with <paramref name="loadedStamp"/>.</summary>
    public async Task<CatalogSaveResult> SaveAsync(Guid? id, PartInput input, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        var errors = CatalogRules.Validate(input);
        using var db = dbFactory.Create();
        var code = (input.Code ?? "").Trim();
        if (!errors.ContainsKey(nameof(input.Code)) && await db.SpareParts.AnyAsync(p => p.Code == code && p.Id != id, cancellationToken))
        {
            errors[nameof(input.Code)] = "Validation.PartCodeTaken";
        }

        SparePart? part;
        if (id is null)
        {
            part = new SparePart();
        }
        else if ((part = await db.SpareParts.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)) is null)
        {
            return CatalogSaveResult.Of(CatalogSaveStatus.NotFound);
        }
        else if (part.ConcurrencyStamp != loadedStamp)
        {
            return CatalogSaveResult.Of(CatalogSaveStatus.Conflict);
        }

        if (errors.Count > 0)
        {
            return CatalogSaveResult.Invalid(errors);
        }

        part.Code = code;
        part.Name = input.Name.Trim();
        part.Specification = CatalogRules.Clean(input.Specification);
        part.Unit = CatalogRules.Clean(input.Unit);
        part.Price = input.Price;
        part.IsActive = input.IsActive;
        part.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (id is null)
        {
            db.SpareParts.Add(part);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CatalogSaveResult.Of(CatalogSaveStatus.Conflict);
        }
        catch (DbUpdateException)
        {
            using var check = dbFactory.Create();
            if (await check.SpareParts.AnyAsync(p => p.Code == code && p.Id != part.Id, cancellationToken))
            {
                return CatalogSaveResult.Invalid(new Dictionary<string, string> { [nameof(input.Code)] = "Validation.PartCodeTaken" });
            }

            throw;
        }

        return new CatalogSaveResult(CatalogSaveStatus.Saved, part.Id, part.ConcurrencyStamp);
    }

    /// <returns>False when the part does not exist in this tenant.</returns>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var part = await db.SpareParts.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (part is null)
        {
            return false;
        }

        db.SpareParts.Remove(part);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

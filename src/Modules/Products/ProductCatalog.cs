using Microsoft.EntityFrameworkCore;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Products;

/// <summary>The tenant's product categories and models, with each model's consumables.</summary>
public sealed class ProductCatalog(IDbFactory<IProductsDb> dbFactory)
{
    public const int MaxPageSize = 100;

    /// <summary>An export holds at most this many rows; beyond it the list must be filtered first.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>Every row matching the filter, ordered like the list, for an export.</summary>
    public Task<ModelPage> ExportAsync(ModelQuery query, CancellationToken cancellationToken = default) =>
        SearchAsync(query with { Skip = 0, Take = MaxExportRows }, MaxExportRows, cancellationToken);

    /// <summary>Every model, by code: the pick lists of the register dialog and the import check use it.</summary>
    public async Task<IReadOnlyList<ProductModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ProductModels.AsNoTracking().Include(m => m.Category).OrderBy(m => m.Code).ToListAsync(cancellationToken);
    }

    public Task<ModelPage> SearchAsync(ModelQuery query, CancellationToken cancellationToken = default) =>
        SearchAsync(query, MaxPageSize, cancellationToken);

    private async Task<ModelPage> SearchAsync(ModelQuery query, int maxTake, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var models = db.ProductModels.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            models = models.Where(m => EF.Functions.Like(m.Code, pattern, SearchPattern.Escape) || EF.Functions.Like(m.Name, pattern, SearchPattern.Escape));
        }

        if (query.CategoryId is { } categoryId)
        {
            models = models.Where(m => m.CategoryId == categoryId);
        }

        var total = await models.CountAsync(cancellationToken);
        var rows = await models.OrderBy(m => m.Code)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, maxTake))
            .Select(m => new ModelRow(m.Id, m.Code, m.Name, m.Category!.Name, m.DefaultWarrantyMonths, m.Consumables.Count,
                db.SerialNumbers.Count(s => s.ProductModelId == m.Id)))
            .ToListAsync(cancellationToken);
        return new ModelPage(rows, total);
    }

    public async Task<ProductModel?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ProductModels.AsNoTracking().Include(m => m.Category).Include(m => m.Consumables).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    public async Task<CatalogSaveResult> CreateAsync(ModelInput input, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var errors = await ValidateAsync(db, input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return CatalogSaveResult.Invalid(errors);
        }

        var model = new ProductModel();
        Apply(input, model);
        db.ProductModels.Add(model);
        return await SaveAsync(db, model, cancellationToken);
    }

    /// <param name="loadedStamp">The stamp the editor loaded: a save made meanwhile by someone else wins and this one is refused.</param>
    public async Task<CatalogSaveResult> UpdateAsync(Guid id, ModelInput input, string loadedStamp, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var model = await db.ProductModels.Include(m => m.Consumables).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (model is null)
        {
            return CatalogSaveResult.Of(CatalogSaveStatus.NotFound);
        }

        if (model.ConcurrencyStamp != loadedStamp)
        {
            return CatalogSaveResult.Of(CatalogSaveStatus.Conflict);
        }

        var errors = await ValidateAsync(db, input, id, cancellationToken);
        if (errors.Count > 0)
        {
            return CatalogSaveResult.Invalid(errors);
        }

        db.ModelConsumables.RemoveRange(model.Consumables);
        Apply(input, model);
        db.ModelConsumables.AddRange(model.Consumables);
        model.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        return await SaveAsync(db, model, cancellationToken);
    }

    /// <summary>Deletes a model no unit is registered with; a model in use stays, and the result says by how many units.</summary>
    public async Task<CatalogDeleteResult> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var model = await db.ProductModels.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (model is null)
        {
            return new CatalogDeleteResult(CatalogDeleteStatus.NotFound);
        }

        var units = await db.SerialNumbers.CountAsync(s => s.ProductModelId == id, cancellationToken);
        if (units > 0)
        {
            return new CatalogDeleteResult(CatalogDeleteStatus.InUse, units);
        }

        db.ProductModels.Remove(model);
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogDeleteResult(CatalogDeleteStatus.Deleted);
    }

    public async Task<IReadOnlyList<CategoryRow>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ProductCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CategoryRow(c.Id, c.Name, c.SortOrder, db.ProductModels.Count(m => m.CategoryId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Creates a category (<paramref name="id"/> null) or renames and reorders one.</summary>
    public async Task<CatalogSaveResult> SaveCategoryAsync(Guid? id, string name, int sortOrder, CancellationToken cancellationToken = default)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > CatalogRules.CategoryNameLength)
        {
            return CatalogSaveResult.Invalid(new Dictionary<string, string> { ["Name"] = "Validation.CategoryNameRequired" });
        }

        using var db = dbFactory.Create();
        if (await db.ProductCategories.AnyAsync(c => c.Name == trimmed && c.Id != id, cancellationToken))
        {
            return CatalogSaveResult.Invalid(new Dictionary<string, string> { ["Name"] = "Validation.CategoryNameTaken" });
        }

        ProductCategory? category;
        if (id is null)
        {
            category = new ProductCategory();
            db.ProductCategories.Add(category);
        }
        else if ((category = await db.ProductCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)) is null)
        {
            return CatalogSaveResult.Of(CatalogSaveStatus.NotFound);
        }

        category.Name = trimmed;
        category.SortOrder = sortOrder;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index caught the same name saved between our check and our write.
            if (await NameTakenAsync(trimmed, category.Id, cancellationToken))
            {
                return CatalogSaveResult.Invalid(new Dictionary<string, string> { ["Name"] = "Validation.CategoryNameTaken" });
            }

            throw;
        }

        return new CatalogSaveResult(CatalogSaveStatus.Saved, category.Id);
    }

    public async Task<CatalogDeleteResult> DeleteCategoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var category = await db.ProductCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return new CatalogDeleteResult(CatalogDeleteStatus.NotFound);
        }

        var models = await db.ProductModels.CountAsync(m => m.CategoryId == id, cancellationToken);
        if (models > 0)
        {
            return new CatalogDeleteResult(CatalogDeleteStatus.InUse, models);
        }

        db.ProductCategories.Remove(category);
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogDeleteResult(CatalogDeleteStatus.Deleted);
    }

    private async Task<bool> NameTakenAsync(string name, Guid exceptId, CancellationToken cancellationToken)
    {
        using var check = dbFactory.Create();
        return await check.ProductCategories.AnyAsync(c => c.Name == name && c.Id != exceptId, cancellationToken);
    }

    private static async Task<Dictionary<string, string>> ValidateAsync(IProductsDb db, ModelInput input, Guid? id, CancellationToken cancellationToken)
    {
        var errors = CatalogRules.Validate(input);
        var code = (input.Code ?? "").Trim();
        if (!errors.ContainsKey(nameof(input.Code)) && await db.ProductModels.AnyAsync(m => m.Code == code && m.Id != id, cancellationToken))
        {
            errors[nameof(input.Code)] = "Validation.ModelCodeTaken";
        }

        // The filter on categories keeps another tenant's category id from being attached.
        if (input.CategoryId is { } categoryId && !await db.ProductCategories.AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            errors[nameof(input.CategoryId)] = "Validation.CategoryUnknown";
        }

        return errors;
    }

    private static void Apply(ModelInput input, ProductModel model)
    {
        model.Code = input.Code.Trim();
        model.Name = input.Name.Trim();
        model.CategoryId = input.CategoryId;
        model.DefaultWarrantyMonths = input.DefaultWarrantyMonths;
        model.Description = CatalogRules.Clean(input.Description);
        model.Consumables.Clear();
        model.Consumables.AddRange(input.Consumables.Select(c => new ModelConsumable
        {
            ProductModelId = model.Id,
            Name = c.Name.Trim(),
            LifetimeDays = c.LifetimeDays,
            PartCode = string.IsNullOrWhiteSpace(c.PartCode) ? null : c.PartCode.Trim().ToUpperInvariant(),
        }));
    }

    private async Task<CatalogSaveResult> SaveAsync(IProductsDb db, ProductModel model, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CatalogSaveResult(CatalogSaveStatus.Saved, model.Id, model.ConcurrencyStamp);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CatalogSaveResult.Of(CatalogSaveStatus.Conflict);
        }
        catch (DbUpdateException)
        {
            // The unique index caught the same code saved between our check and our write.
            using var check = dbFactory.Create();
            if (await check.ProductModels.AnyAsync(m => m.Code == model.Code && m.Id != model.Id, cancellationToken))
            {
                return CatalogSaveResult.Invalid(new Dictionary<string, string> { [nameof(ModelInput.Code)] = "Validation.ModelCodeTaken" });
            }

            throw;
        }
    }
}

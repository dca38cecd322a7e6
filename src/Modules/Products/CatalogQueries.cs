namespace AfterSales.Modules.Products;

public sealed record CategoryRow(Guid Id, string Name, int SortOrder, int ModelCount);

public sealed record ModelQuery(string? Search = null, Guid? CategoryId = null, int Skip = 0, int Take = 20);

public sealed record ModelRow(Guid Id, string Code, string Name, string? Category, int DefaultWarrantyMonths, int ConsumableCount, int UnitCount);

public sealed record ModelPage(IReadOnlyList<ModelRow> Items, int Total);

public sealed record PartQuery(string? Search = null, bool IncludeInactive = true, int Skip = 0, int Take = 20);

public sealed record PartRow(Guid Id, string Code, string Name, string? Specification, string? Unit, decimal Price, bool IsActive);

public sealed record PartPage(IReadOnlyList<PartRow> Items, int Total);

public enum CatalogSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

/// <param name="Errors">Text keys per field (a consumable's field is named like <c>Consumables[1].Name</c>).</param>
public sealed record CatalogSaveResult(CatalogSaveStatus Status, Guid? Id = null, string? ConcurrencyStamp = null, IReadOnlyDictionary<string, string>? Errors = null)
{
    public static CatalogSaveResult Invalid(IReadOnlyDictionary<string, string> errors) => new(CatalogSaveStatus.Invalid, Errors: errors);

    public static CatalogSaveResult Of(CatalogSaveStatus status) => new(status);
}

public enum CatalogDeleteStatus
{
    Deleted,
    NotFound,

    /// <summary>Still used (a category by models, a model by registered units); nothing was deleted.</summary>
    InUse,
}

public sealed record CatalogDeleteResult(CatalogDeleteStatus Status, int UsedBy = 0);

/// <summary>A model as its form edits it; the category is chosen from the tenant's list.</summary>
public sealed class ModelInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid? CategoryId { get; set; }
    public int DefaultWarrantyMonths { get; set; } = 12;
    public string? Description { get; set; }
    public List<ConsumableInput> Consumables { get; set; } = [];

    public sealed class ConsumableInput
    {
        public string Name { get; set; } = "";
        public int LifetimeDays { get; set; } = 180;
        public string? PartCode { get; set; }
    }

    public static ModelInput From(ProductModel model) => new()
    {
        Code = model.Code,
        Name = model.Name,
        CategoryId = model.CategoryId,
        DefaultWarrantyMonths = model.DefaultWarrantyMonths,
        Description = model.Description,
        Consumables = model.Consumables.OrderBy(c => c.Name).Select(c => new ConsumableInput { Name = c.Name, LifetimeDays = c.LifetimeDays, PartCode = c.PartCode }).ToList(),
    };
}

/// <summary>A spare part as its form edits it.</summary>
public sealed class PartInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Specification { get; set; }
    public string? Unit { get; set; }
    public decimal Price { get; set; }
    public bool IsActive { get; set; } = true;

    public static PartInput From(SparePart part) => new()
    {
        Code = part.Code, Name = part.Name, Specification = part.Specification, Unit = part.Unit, Price = part.Price, IsActive = part.IsActive,
    };
}

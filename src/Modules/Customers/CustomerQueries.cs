namespace AfterSales.Modules.Customers;

public enum CustomerSort
{
    Default = 0,
    Name = 5,
    Code = 1,
    Region = 2,
    Level = 3,
    CreatedAt = 4,
}

/// <param name="Level">Only customers of this classification (exact).</param>
/// <param name="Region">Only customers in this region (exact).</param>
public sealed record CustomerQuery(
    string? Search = null, CustomerKind? Kind = null, CustomerSort Sort = CustomerSort.Default, bool Descending = false, int Skip = 0, int Take = 20,
    string? Level = null, string? Region = null, IReadOnlyList<AfterSales.Modules.Forms.FieldFilter>? Fields = null);

/// <summary>The classifications and regions the tenant's customers use, for filters and suggestions.</summary>
public sealed record CustomerFacets(IReadOnlyList<string> Levels, IReadOnlyList<string> Regions);

public sealed record CustomerRow(Guid Id, string Code, string Name, CustomerKind Kind, string? Level, string? Region, string? Phone, string? Contact, DateTimeOffset CreatedAt);

public sealed record CustomerPage(IReadOnlyList<CustomerRow> Items, int Total);

public enum CustomerSaveStatus
{
    Saved,
    Invalid,
    DuplicateCode,
    NotFound,
    Conflict,
}

/// <param name="FieldErrors">Custom fields that break their rules, with the form (<paramref name="Form"/>) that names them.</param>
public sealed record CustomerSaveResult(
    CustomerSaveStatus Status, Guid? Id = null, string? ConcurrencyStamp = null, IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyList<AfterSales.Modules.Forms.FieldError>? FieldErrors = null, AfterSales.Modules.Forms.FormSchema? Form = null)
{
    public static CustomerSaveResult Of(CustomerSaveStatus status) => new(status);

    public static CustomerSaveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(CustomerSaveStatus.Invalid, Errors: errors);
}

/// <summary>How other features refer to a customer.</summary>
public sealed record CustomerRef(Guid Id, string Code, string Name);

namespace AfterSales.Modules.Products;

public sealed record SerialQuery(
    string? Search = null, Guid? CustomerId = null, int? ExpiringWithinDays = null, int Skip = 0, int Take = 20,
    IReadOnlyList<AfterSales.Modules.Forms.FieldFilter>? Fields = null);

public sealed record SerialRow(
    Guid Id, string Number, string ModelCode, string ModelName, string? CustomerCode, string? CustomerName,
    DateOnly? PurchaseDate, DateOnly? WarrantyEnd, WarrantyState Warranty, int? DaysLeft);

public sealed record SerialPage(IReadOnlyList<SerialRow> Items, int Total);

/// <summary>A unit as the warranty lookup shows it.</summary>
public sealed record SerialView(
    Guid Id, string Number, string ModelCode, string ModelName, string? Category, Guid? CustomerId, string? CustomerCode, string? CustomerName,
    DateOnly? ProductionDate, string? Batch, string? Supplier, DateOnly? PurchaseDate, string? Salesperson, Warranty Warranty);

public enum SerialSaveStatus
{
    Saved,
    Invalid,
    Duplicate,
    NotFound,
    Conflict,
}

/// <param name="FieldErrors">Custom fields that break their rules, with the form (<paramref name="Form"/>) that names them.</param>
public sealed record SerialSaveResult(
    SerialSaveStatus Status, Guid? Id = null, IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyList<AfterSales.Modules.Forms.FieldError>? FieldErrors = null, AfterSales.Modules.Forms.FormSchema? Form = null);

/// <summary>A unit's registration as its edit form loads it.</summary>
/// <param name="Extended">Once extended, the warranty dates change only by another extension, so its history stays whole.</param>
public sealed record SerialEdit(Guid Id, SerialInput Input, string ConcurrencyStamp, bool Extended);

public enum UnitEventKind
{
    Registered,
    Changed,
    Extended,
}

/// <summary>One line of a unit's history.</summary>
/// <param name="Detail">An extension's dates and reason; for a unit registered by an import, the file.</param>
/// <param name="Fields">The properties a correction changed (<see cref="SerialNumber"/> names).</param>
public sealed record UnitEvent(DateTimeOffset At, UnitEventKind Kind, string? By, string? Detail = null, IReadOnlyList<string>? Fields = null);

public enum ExtendStatus
{
    Saved,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record ExtendResult(ExtendStatus Status, string? ErrorKey = null);

public sealed record ExtensionRow(DateOnly? PreviousEnd, DateOnly NewEnd, string Reason, decimal? Fee, string? By, DateTimeOffset At);

/// <summary>Units of one model a customer bought on one day (no date: bought on a date not recorded).</summary>
public sealed record PurchaseRecord(DateOnly? Date, string ModelCode, string ModelName, int Quantity);

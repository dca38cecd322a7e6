namespace AfterSales.Modules.Products;

public sealed record SerialQuery(string? Search = null, Guid? CustomerId = null, int? ExpiringWithinDays = null, int Skip = 0, int Take = 20);

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
}

public sealed record SerialSaveResult(SerialSaveStatus Status, Guid? Id = null, IReadOnlyDictionary<string, string[]>? Errors = null);

public enum ExtendStatus
{
    Saved,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record ExtendResult(ExtendStatus Status, string? ErrorKey = null);

public sealed record ExtensionRow(DateOnly? PreviousEnd, DateOnly NewEnd, string Reason, decimal? Fee, string? By, DateTimeOffset At);

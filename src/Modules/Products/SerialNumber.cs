using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>One registered unit (序列号): what it is, who owns it, and how long it is under warranty.</summary>
public class SerialNumber : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>The serial number as printed on the unit, upper-cased; unique within the tenant.</summary>
    public string Number { get; set; } = "";
    public Guid ProductModelId { get; set; }
    public ProductModel? Model { get; set; }
    public DateOnly? ProductionDate { get; set; }
    public string? Batch { get; set; }
    public string? Supplier { get; set; }
    public Guid? CustomerId { get; set; }
    public DateOnly? PurchaseDate { get; set; }
    public string? Salesperson { get; set; }
    public DateOnly? WarrantyStart { get; set; }
    public DateOnly? WarrantyEnd { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Changes on every edit of the registration; two people correcting the same unit cannot overwrite each other.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Number;

    /// <summary>
    /// Warranty from the purchase date and the model's default unless the registration gives its own dates:
    /// a unit sold without a date has no warranty period until one is known.
    /// </summary>
    public void ApplyWarranty(int defaultMonths, DateOnly? givenStart, DateOnly? givenEnd)
    {
        WarrantyStart = givenStart ?? PurchaseDate;
        WarrantyEnd = givenEnd ?? WarrantyStart?.AddMonths(defaultMonths).AddDays(-1);
    }

    public Warranty WarrantyOn(DateOnly today) => Warranty.Evaluate(WarrantyStart, WarrantyEnd, today);
}

namespace AfterSales.Modules.Products;

/// <summary>
/// Told after a unit's warranty dates were saved changed (an extension, a renewal, a corrected registration), so a feature
/// counting down to them (reminders) moves what it planned at once rather than when the old date comes.
/// </summary>
public interface IWarrantyObserver
{
    Task WarrantyChangedAsync(Guid serialNumberId, CancellationToken cancellationToken);
}

using AfterSales.Modules.Products;

namespace AfterSales.Portal.Public;

/// <summary>
/// The public warranty check by serial number. Anyone may type a number, so the answer names the model and the coverage only:
/// the registry's view also carries the owner, purchase and sales data, which never leaves this class.
/// </summary>
public sealed class WarrantyLookup(SerialRegistry registry)
{
    /// <summary>The coverage of <paramref name="serialNumber"/>, or null when this tenant has no such unit (or the text is no serial number).</summary>
    public async Task<PublicWarranty?> FindAsync(string? serialNumber, CancellationToken cancellationToken = default)
    {
        var normalized = SerialRegistry.Normalize(serialNumber ?? "");
        if (!SerialRegistry.IsValidNumber(normalized))
        {
            return null;
        }

        var unit = await registry.FindAsync(normalized, cancellationToken);
        return unit is null ? null : new PublicWarranty(unit.Number, unit.ModelCode, unit.ModelName, unit.Warranty.State, unit.Warranty.Start, unit.Warranty.End, unit.Warranty.DaysLeft);
    }
}

/// <summary>What the public may know of a unit.</summary>
public sealed record PublicWarranty(string Number, string ModelCode, string ModelName, WarrantyState State, DateOnly? Start, DateOnly? End, int? DaysLeft);

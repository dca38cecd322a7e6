using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Rma;

/// <summary>A carrier the tenant ships with, and where its tracking page is, so a tracking number is one click away.</summary>
public class Carrier : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>What shipments store, so renaming the carrier renames it everywhere.</summary>
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>The tracking page with <c>{number}</c> where the tracking number goes.</summary>
    public string TrackingUrl { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Code;

    public string NameIn(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;

    /// <summary>The tracking page of <paramref name="trackingNumber"/>.</summary>
    public string TrackingLink(string trackingNumber) => TrackingUrl.Replace("{number}", Uri.EscapeDataString(trackingNumber.Trim()), StringComparison.Ordinal);
}

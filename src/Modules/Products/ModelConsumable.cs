using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>
/// A part of a model that wears out on a schedule (a filter, a lamp): its lifetime tells care reminders when the
/// customer's unit needs a replacement.
/// </summary>
public class ModelConsumable : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid ProductModelId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Days from installation (or the last replacement) until it should be replaced.</summary>
    public int LifetimeDays { get; set; }
}

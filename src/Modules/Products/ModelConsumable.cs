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

    /// <summary>
    /// The spare part's code that replaces it: a submitted work report listing this code for a unit of the model counts as a
    /// replacement, so the unit's next one is due a lifetime later. Null when replacements are not recorded.
    /// </summary>
    public string? PartCode { get; set; }
}

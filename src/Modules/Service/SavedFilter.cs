using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>A list filter a user saved under a name, to come back to it in one click; only its owner sees it.</summary>
public class SavedFilter : ITenantOwned
{
    public const int NameLength = 64;
    public const int QueryLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string UserId { get; set; } = "";

    /// <summary>Which list ("requests"): the same user keeps separate filters per list.</summary>
    public string Page { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The list's query string, as its URL carries it.</summary>
    public string Query { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

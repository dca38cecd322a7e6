using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>
/// An entry of one of the tenant's lists (categories of complaints and faults, causes, measures, channels, priorities),
/// optionally under a parent so categories can be nested. A retired entry is offered no more but stays on the requests that use it.
/// </summary>
public class DictionaryEntry : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public DictionaryKind Kind { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>
    /// What requests store for a channel or priority, so renaming the entry renames it on every request and integrations
    /// post a stable value. Set once; the other lists refer to entries by id and have none.
    /// </summary>
    public string? Code { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }

    string IAuditable.AuditKey => $"{Kind}:{(string.IsNullOrEmpty(NameZh) ? NameEn : NameZh)}";

    public string NameIn(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? (string.IsNullOrWhiteSpace(NameZh) ? NameEn : NameZh)
            : (string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn);
}

public enum DictionaryKind
{
    ComplaintCategory = 0,
    FaultCategory = 1,
    Cause = 2,
    Measure = 3,
    Channel = 4,

    /// <summary>The four levels of <see cref="RequestPriority"/>, which tenants rename or stop offering but cannot add to: SLAs and sorting rank them.</summary>
    Priority = 5,
}

public static class DictionaryKinds
{
    /// <summary>Lists without nesting: a request has one channel and one priority, not a path to one.</summary>
    public static bool IsFlat(this DictionaryKind kind) => kind is DictionaryKind.Channel or DictionaryKind.Priority;

    public static bool HasCodes(this DictionaryKind kind) => kind is DictionaryKind.Channel or DictionaryKind.Priority;
}

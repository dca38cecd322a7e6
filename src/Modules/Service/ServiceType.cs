using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>
/// A kind of service the tenant offers (咨询, 上门, 返厂…). Types are data: the tenant adds, renames, reorders and retires
/// them; a retired type is offered for no new request but keeps its requests and history.
/// </summary>
public class ServiceType : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    /// <summary>Short, stable code (ONSITE, RMA…) for integrations and request numbers; unique within the tenant.</summary>
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>A Material icon name, shown in lists and on the portal.</summary>
    public string Icon { get; set; } = "support_agent";

    /// <summary>CSS colour of the type's badge.</summary>
    public string Color { get; set; } = "#1565c0";
    public RequestPriority DefaultPriority { get; set; } = RequestPriority.Normal;

    /// <summary>Hours from creation within which a request of this type should be resolved; none means no deadline.</summary>
    public int? SlaHours { get; set; }
    public int SortOrder { get; set; }

    /// <summary>The workflow new requests of this type run on (a key of the tenant's workflows).</summary>
    public string WorkflowKey { get; set; } = DefaultWorkflowKey;
    public bool IsRetired { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>A type the tenant adds runs the full closed loop of seed 001 until an admin picks another workflow.</summary>
    public const string DefaultWorkflowKey = "ONSITE";

    string IAuditable.AuditKey => Code;

    /// <summary>The name in the user's language (Chinese for zh*, English otherwise), falling back to the other.</summary>
    public string NameIn(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Fallback(NameZh, NameEn) : Fallback(NameEn, NameZh);

    private static string Fallback(string preferred, string other) => string.IsNullOrWhiteSpace(preferred) ? other : preferred;
}

public enum RequestPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>
/// The channels every tenant starts with. Requests store a channel's code; tenants add their own channels (WeChat, a
/// dealer's hotline) as entries of <see cref="DictionaryKind.Channel"/>, and the system sets <see cref="Api"/> and
/// <see cref="Portal"/> on what arrives through them.
/// </summary>
public static class RequestChannels
{
    public const string Phone = "Phone";
    public const string Email = "Email";
    public const string Portal = "Portal";
    public const string Api = "Api";
    public const string WalkIn = "WalkIn";

    /// <summary>Set by the system on the planned requests a maintenance plan opens.</summary>
    public const string Plan = "Plan";
    public const int CodeLength = 32;

    /// <summary>Letters first, then letters, digits, '-' or '_': safe in a URL and a CSV, readable in an integration's payload.</summary>
    public static bool IsValidCode(string code) =>
        code.Length is > 0 and <= CodeLength && char.IsAsciiLetter(code[0]) && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Forms;

/// <summary>Which form a version belongs to: one per service type, one for customers, one for serial numbers.</summary>
public static class FormKeys
{
    public const string Customer = "customer";
    public const string SerialNumber = "serial";
    private const string RequestPrefix = "request/";

    public static string ForServiceType(Guid typeId) => RequestPrefix + typeId.ToString("N");

    public static Guid? ServiceTypeOf(string key) =>
        key.StartsWith(RequestPrefix, StringComparison.Ordinal) && Guid.TryParseExact(key[RequestPrefix.Length..], "N", out var id) ? id : null;

    public static bool IsRequestForm(string key) => key.StartsWith(RequestPrefix, StringComparison.Ordinal);
}

public enum FormVersionStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>
/// One version of a tenant's form. Drafts are edited in the designer; publishing freezes a version for good, so a record
/// written with it can always be shown with the labels and rules it was written under.
/// </summary>
public class FormVersion : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string FormKey { get; set; } = "";

    /// <summary>1, 2, 3… in publishing order; a draft carries the number it will be published as.</summary>
    public int Version { get; set; }
    public FormVersionStatus Status { get; set; }
    public string SchemaJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => $"{FormKey} v{Version}";

    public FormSchema Schema => FormSchema.FromJson(SchemaJson);
}

/// <summary>
/// A custom field's value on a record (request, customer or unit), one row per value so lists filter and sort on an index
/// instead of parsing JSON: <see cref="Term"/> holds the canonical text (cut for long texts), <see cref="Number"/> the number.
/// Multi-valued fields have a row per value in <see cref="Position"/> order.
/// </summary>
public class CustomFieldValue : ITenantOwned
{
    public const int TermLength = 200;

    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public Guid OwnerId { get; set; }
    public string FieldKey { get; set; } = "";
    public int Position { get; set; }
    public string Term { get; set; } = "";

    /// <summary>The whole text when it is longer than <see cref="Term"/> can hold.</summary>
    public string? Text { get; set; }

    /// <summary>
    /// A number's value for ranges and ordering. A double, not a decimal: SQLite keeps decimals as text, which would order
    /// "10" before "9"; the exact value stays in <see cref="Term"/>.
    /// </summary>
    public double? Number { get; set; }
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>
/// A file attached to a service request (photos of the fault, the invoice, a video). The row says what and who; the content lives in
/// the <see cref="IFileStore"/> under <see cref="StorageKey"/>, never in the database.
/// </summary>
public class RequestAttachment : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid ServiceRequestId { get; set; }

    /// <summary>The name as uploaded, without any folder, cleaned of characters that could disguise it.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Worked out from the extension on upload, not taken from the client, and the only type it is ever served as.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }

    /// <summary>The store's key: opaque, chosen by the store.</summary>
    public string StorageKey { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedById { get; set; }
    public string? UploadedBy { get; set; }

    string IAuditable.AuditKey => Id.ToString();
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// An image shown inside an article's text or a file listed under it (a wiring diagram, a service bulletin). The row says what and
/// whose; the content lives in the <see cref="IFileStore"/> under <see cref="StorageKey"/>. Who may read it follows its article:
/// staff read what they may read of the article, anyone reads the files of a published public article.
/// </summary>
public class ArticleFile : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid ArticleId { get; set; }
    public ArticleFileKind Kind { get; set; }

    /// <summary>The name as uploaded, cleaned like a request attachment's.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Worked out from the extension (and for images checked against the content), never taken from the client.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StorageKey { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }

    string IAuditable.AuditKey => Id.ToString("N")[..8];
}

public enum ArticleFileKind
{
    /// <summary>Shown in the text where the author put its <c>![…](files/knowledge/{id})</c>.</summary>
    Image,

    /// <summary>Listed under the article, to download.</summary>
    Attachment,
}

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// A knowledge-base article: what a fault looks like (symptom), why it happens (cause) and what fixes it (solution), with a
/// free text in Chinese and English, so the desk answers the next caller with what the last engineer found out.
/// </summary>
public class KnowledgeArticle : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";

    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";

    /// <summary>Markdown as typed; rendered by <see cref="ArticleMarkdown"/>, which lets no HTML through.</summary>
    public string BodyZh { get; set; } = "";
    public string BodyEn { get; set; } = "";

    public string Symptom { get; set; } = "";
    public string Cause { get; set; } = "";
    public string Solution { get; set; } = "";

    public string Category { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public List<Guid> ProductModelIds { get; set; } = [];
    public List<Guid> FaultCategoryIds { get; set; } = [];

    public ArticleState State { get; set; } = ArticleState.Draft;
    public ArticleVisibility Visibility { get; set; } = ArticleVisibility.Internal;

    public int ViewCount { get; set; }
    public int HelpfulCount { get; set; }
    public int NotHelpfulCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Id.ToString("N")[..8];

    public string TitleIn(System.Globalization.CultureInfo culture) =>
        ArticleText.In(culture, TitleZh, TitleEn);

    public string BodyIn(System.Globalization.CultureInfo culture) =>
        ArticleText.In(culture, BodyZh, BodyEn);
}

/// <summary>One term of an article's search index with its weight (see <see cref="KnowledgeTerms.Index"/>), rebuilt on every save.</summary>
public class KnowledgeTerm : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public Guid ArticleId { get; set; }
    public string Term { get; set; } = "";
    public int Weight { get; set; }
}

public enum ArticleState
{
    Draft,
    Published,
    Archived,
}

/// <summary>Who may read it: staff only, or also customers once the portal shows the knowledge base.</summary>
public enum ArticleVisibility
{
    Internal,
    Public,
}

public static class ArticleText
{
    /// <summary>The text in the reader's language, else the other one: an article written in one language is still worth reading.</summary>
    public static string In(System.Globalization.CultureInfo culture, string zh, string en)
    {
        var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var preferred = chinese ? zh : en;
        return string.IsNullOrWhiteSpace(preferred) ? (chinese ? en : zh) : preferred;
    }
}

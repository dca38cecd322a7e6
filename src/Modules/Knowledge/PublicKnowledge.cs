using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// The knowledge base as the tenant's customers see it on the portal: published articles marked public, nothing else; the same
/// term index and ranking as the staff search (<see cref="KnowledgeTerms"/>), and the same counters for views and "helpful?".
/// </summary>
public sealed class PublicKnowledge(AfterSales.Modules.Shared.IDbFactory<IKnowledgeDb> dbFactory)
{
    public const int PageSize = 10;

    /// <summary>Public articles matching <paramref name="search"/> (best first), or the latest ones without search text.</summary>
    public async Task<ArticleResults> SearchAsync(string? search, int skip = 0, int take = PageSize, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var articles = Visible(db);
        take = Math.Clamp(take, 1, 50);
        skip = Math.Max(0, skip);
        var terms = KnowledgeTerms.Of(search).Take(KnowledgeTerms.MaxQueryTerms).ToList();
        if (terms.Count == 0)
        {
            var total = await articles.CountAsync(cancellationToken);
            var latest = await articles.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id).Skip(skip).Take(take)
                .Select(a => new ArticleRow(a.Id, a.TitleZh, a.TitleEn, a.Category, a.State, a.Visibility, a.ViewCount, a.HelpfulCount, a.NotHelpfulCount, a.UpdatedAt, 0))
                .ToListAsync(cancellationToken);
            return new ArticleResults(latest, total);
        }

        var required = KnowledgeTerms.RequiredMatches(terms.Count);
        var matches = db.KnowledgeTerms.Where(t => terms.Contains(t.Term))
            .GroupBy(t => t.ArticleId)
            .Where(g => g.Count() >= required)
            .Select(g => new { ArticleId = g.Key, Score = g.Sum(t => t.Weight) });
        var ranked = articles.Join(matches, a => a.Id, m => m.ArticleId, (a, m) => new { Article = a, m.Score });
        var matching = await ranked.CountAsync(cancellationToken);
        var rows = await ranked.OrderByDescending(r => r.Score).ThenByDescending(r => r.Article.UpdatedAt).ThenBy(r => r.Article.Id).Skip(skip).Take(take)
            .Select(r => new ArticleRow(r.Article.Id, r.Article.TitleZh, r.Article.TitleEn, r.Article.Category, r.Article.State, r.Article.Visibility,
                r.Article.ViewCount, r.Article.HelpfulCount, r.Article.NotHelpfulCount, r.Article.UpdatedAt, r.Score))
            .ToListAsync(cancellationToken);
        return new ArticleResults(rows, matching);
    }

    /// <summary>A public, published article of this tenant, counted as read; null for any other (draft, internal, another tenant's).</summary>
    public async Task<KnowledgeArticle?> ReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var article = await Visible(db).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is not null)
        {
            // Counters skip the concurrency stamp: a reader must not make an editor's save conflict.
            await Visible(db).Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ViewCount, a => a.ViewCount + 1), cancellationToken);
        }

        return article;
    }

    /// <summary>A public, published article of this tenant without counting a reading; null for any other.</summary>
    public async Task<KnowledgeArticle?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await Visible(db).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>Counts a customer's "helpful? yes / no"; false when the article is not public and published.</summary>
    public async Task<bool> RecordFeedbackAsync(Guid id, bool helpful, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var article = Visible(db).Where(a => a.Id == id);
        var updated = helpful
            ? await article.ExecuteUpdateAsync(u => u.SetProperty(a => a.HelpfulCount, a => a.HelpfulCount + 1), cancellationToken)
            : await article.ExecuteUpdateAsync(u => u.SetProperty(a => a.NotHelpfulCount, a => a.NotHelpfulCount + 1), cancellationToken);
        return updated == 1;
    }

    private static IQueryable<KnowledgeArticle> Visible(IKnowledgeDb db) =>
        db.KnowledgeArticles.Where(a => a.State == ArticleState.Published && a.Visibility == ArticleVisibility.Public);
}

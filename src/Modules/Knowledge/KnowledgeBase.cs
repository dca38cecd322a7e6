using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// The tenant's knowledge base: every staff member reads and searches published articles, the service desk writes, publishes
/// and archives them. Search runs on the article's own term index (<see cref="KnowledgeTerms"/>) in SQL, so it ranks Chinese
/// without spaces on every provider and needs no full-text engine.
/// </summary>
public sealed class KnowledgeBase(IDbFactory<IKnowledgeDb> dbFactory, TimeProvider clock)
{
    public const int TitleLength = 200;
    public const int BodyLength = 20_000;
    public const int StepLength = 4_000;
    public const int CategoryLength = 64;
    public const int TagLength = 32;
    public const int MaxTags = 10;

    /// <summary>Articles matching the query, the best match first (without search text: the latest changed first).</summary>
    public async Task<ArticleResults> SearchAsync(ArticleQuery query, RequestActor actor, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var articles = db.KnowledgeArticles.AsNoTracking();
        // Drafts and archived articles are the desk's working material; the others read what is published.
        var state = actor.IsServiceDesk ? query.State : ArticleState.Published;
        if (state is { } s)
        {
            articles = articles.Where(a => a.State == s);
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var category = query.Category.Trim();
            articles = articles.Where(a => a.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim();
            articles = articles.Where(a => a.Tags.Contains(tag));
        }

        if (query.ProductModelId is { } model)
        {
            articles = articles.Where(a => a.ProductModelIds.Contains(model));
        }

        if (query.FaultCategoryId is { } fault)
        {
            articles = articles.Where(a => a.FaultCategoryIds.Contains(fault));
        }

        if (query.Visibility is { } visibility)
        {
            articles = articles.Where(a => a.Visibility == visibility);
        }

        var take = Math.Clamp(query.Take, 1, 100);
        var skip = Math.Max(0, query.Skip);
        var terms = QueryTerms(query.Search);
        if (terms.Count == 0)
        {
            var total = await articles.CountAsync(cancellationToken);
            var latest = await articles.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id).Skip(skip).Take(take)
                .Select(a => new ArticleRow(a.Id, a.TitleZh, a.TitleEn, a.Category, a.State, a.Visibility, a.ViewCount, a.HelpfulCount, a.NotHelpfulCount, a.UpdatedAt, 0))
                .ToListAsync(cancellationToken);
            return new ArticleResults(latest, total);
        }

        var ranked = Ranked(db, articles, terms);
        var matching = await ranked.CountAsync(cancellationToken);
        var rows = await ranked.OrderByDescending(r => r.Score).ThenByDescending(r => r.Article.UpdatedAt).ThenBy(r => r.Article.Id).Skip(skip).Take(take)
            .Select(r => new ArticleRow(r.Article.Id, r.Article.TitleZh, r.Article.TitleEn, r.Article.Category, r.Article.State, r.Article.Visibility,
                r.Article.ViewCount, r.Article.HelpfulCount, r.Article.NotHelpfulCount, r.Article.UpdatedAt, r.Score))
            .ToListAsync(cancellationToken);
        return new ArticleResults(rows, matching);
    }

    /// <summary>The published articles most relevant to what an agent is typing, best first.</summary>
    public Task<IReadOnlyList<ArticleRow>> SuggestAsync(string? text, int take = 5, CancellationToken cancellationToken = default) =>
        SuggestAsync(text, null, null, take, cancellationToken);

    /// <summary>
    /// The published articles most relevant to what is typed about a unit of <paramref name="productModelId"/> with a fault of
    /// <paramref name="faultCategoryId"/>: an article filed under that model, or that fault category, counts half as much again for
    /// each, so the article about this very appliance comes before an equally worded one about another.
    /// </summary>
    public async Task<IReadOnlyList<ArticleRow>> SuggestAsync(
        string? text, Guid? productModelId, Guid? faultCategoryId, int take = 5, CancellationToken cancellationToken = default)
    {
        var terms = QueryTerms(text);
        if (terms.Count == 0)
        {
            return [];
        }

        using var db = dbFactory.Create();
        var published = db.KnowledgeArticles.AsNoTracking().Where(a => a.State == ArticleState.Published);
        var model = productModelId ?? Guid.Empty;
        var fault = faultCategoryId ?? Guid.Empty;
        var boosted = Ranked(db, published, terms).Select(r => new RankedArticle
        {
            Article = r.Article,
            Score = r.Score * (2 + (productModelId != null && r.Article.ProductModelIds.Contains(model) ? 1 : 0)
                                 + (faultCategoryId != null && r.Article.FaultCategoryIds.Contains(fault) ? 1 : 0)) / 2,
        });
        return await boosted.OrderByDescending(r => r.Score).ThenByDescending(r => r.Article.HelpfulCount).ThenBy(r => r.Article.Id)
            .Take(Math.Clamp(take, 1, 20))
            .Select(r => new ArticleRow(r.Article.Id, r.Article.TitleZh, r.Article.TitleEn, r.Article.Category, r.Article.State, r.Article.Visibility,
                r.Article.ViewCount, r.Article.HelpfulCount, r.Article.NotHelpfulCount, r.Article.UpdatedAt, r.Score))
            .ToListAsync(cancellationToken);
    }

    // One join of the article filter with the per-article sums of the query's terms; the tenant filter applies to both tables.
    private static IQueryable<RankedArticle> Ranked(IKnowledgeDb db, IQueryable<KnowledgeArticle> articles, List<string> terms)
    {
        var required = KnowledgeTerms.RequiredMatches(terms.Count);
        var matches = db.KnowledgeTerms.Where(t => terms.Contains(t.Term))
            .GroupBy(t => t.ArticleId)
            .Where(g => g.Count() >= required)
            .Select(g => new { ArticleId = g.Key, Score = g.Sum(t => t.Weight) });
        return articles.Join(matches, a => a.Id, m => m.ArticleId, (a, m) => new RankedArticle { Article = a, Score = m.Score });
    }

    private static List<string> QueryTerms(string? text) => KnowledgeTerms.Of(text).Take(KnowledgeTerms.MaxQueryTerms).ToList();

    /// <summary>The categories in use, for the list's filter and the editor's suggestions.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.KnowledgeArticles.AsNoTracking().Where(a => a.Category != "").Select(a => a.Category).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
    }

    /// <summary>The tags in use, for the list's filter.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var tags = await db.KnowledgeArticles.AsNoTracking().Where(a => a.State != ArticleState.Archived).Select(a => a.Tags).ToListAsync(cancellationToken);
        return tags.SelectMany(t => t).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
    }

    /// <summary>An article of this tenant, or null; outside the desk only a published one.</summary>
    public async Task<KnowledgeArticle?> GetAsync(Guid id, RequestActor actor, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.KnowledgeArticles.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && (actor.IsServiceDesk || a.State == ArticleState.Published), cancellationToken);
    }

    /// <summary>Creates an article as a draft (<paramref name="id"/> null) or changes one loaded with <paramref name="loadedStamp"/>; the index follows.</summary>
    public async Task<ArticleSaveResult> SaveAsync(Guid? id, ArticleInput input, string? loadedStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsServiceDesk)
        {
            return new ArticleSaveResult(ArticleSaveStatus.NotAllowed);
        }

        var errors = Validate(input, out var tags);
        using var db = dbFactory.Create();
        var article = id is null ? null : await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (id is not null && article is null)
        {
            return new ArticleSaveResult(ArticleSaveStatus.NotFound);
        }

        if (errors.Count > 0)
        {
            return new ArticleSaveResult(ArticleSaveStatus.Invalid, null, errors);
        }

        if (article is not null && article.ConcurrencyStamp != loadedStamp)
        {
            return new ArticleSaveResult(ArticleSaveStatus.Conflict);
        }

        var now = clock.GetUtcNow();
        if (article is null)
        {
            db.KnowledgeArticles.Add(article = new KnowledgeArticle { CreatedAt = now, CreatedBy = actor.Name });
        }

        article.TitleZh = Clean(input.TitleZh);
        article.TitleEn = Clean(input.TitleEn);
        article.BodyZh = Clean(input.BodyZh);
        article.BodyEn = Clean(input.BodyEn);
        article.Symptom = Clean(input.Symptom);
        article.Cause = Clean(input.Cause);
        article.Solution = Clean(input.Solution);
        article.Category = Clean(input.Category);
        article.Tags = tags;
        article.ProductModelIds = input.ProductModelIds.Distinct().ToList();
        article.FaultCategoryIds = input.FaultCategoryIds.Distinct().ToList();
        article.Visibility = input.Visibility;
        article.UpdatedAt = now;
        article.UpdatedBy = actor.Name;
        article.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await ReindexAsync(db, article, cancellationToken);
        return await SaveOrConflictAsync(db, article, cancellationToken);
    }

    /// <summary>Publishes, archives or takes an article back to draft; refused when it changed since <paramref name="loadedStamp"/>.</summary>
    public async Task<ArticleSaveResult> SetStateAsync(Guid id, ArticleState state, string? loadedStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsServiceDesk)
        {
            return new ArticleSaveResult(ArticleSaveStatus.NotAllowed);
        }

        using var db = dbFactory.Create();
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return new ArticleSaveResult(ArticleSaveStatus.NotFound);
        }

        if (article.ConcurrencyStamp != loadedStamp)
        {
            return new ArticleSaveResult(ArticleSaveStatus.Conflict);
        }

        var now = clock.GetUtcNow();
        if (state == ArticleState.Published && article.State != ArticleState.Published)
        {
            article.PublishedAt = now;
        }

        article.State = state;
        article.UpdatedAt = now;
        article.UpdatedBy = actor.Name;
        article.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        return await SaveOrConflictAsync(db, article, cancellationToken);
    }

    /// <summary>Counts a reading of a published article. Counters skip the stamp: a reader must not make an editor's save conflict.</summary>
    public async Task<bool> RecordViewAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.KnowledgeArticles.Where(a => a.Id == id && a.State == ArticleState.Published)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ViewCount, a => a.ViewCount + 1), cancellationToken) == 1;
    }

    /// <summary>Counts a reader's "helpful? yes / no" on a published article.</summary>
    public async Task<bool> RecordFeedbackAsync(Guid id, bool helpful, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var article = db.KnowledgeArticles.Where(a => a.Id == id && a.State == ArticleState.Published);
        var updated = helpful
            ? await article.ExecuteUpdateAsync(u => u.SetProperty(a => a.HelpfulCount, a => a.HelpfulCount + 1), cancellationToken)
            : await article.ExecuteUpdateAsync(u => u.SetProperty(a => a.NotHelpfulCount, a => a.NotHelpfulCount + 1), cancellationToken);
        return updated == 1;
    }

    private static async Task ReindexAsync(IKnowledgeDb db, KnowledgeArticle article, CancellationToken cancellationToken)
    {
        var index = KnowledgeTerms.Index([article.TitleZh, article.TitleEn], article.Tags.Append(article.Category),
            [article.Symptom, article.Cause, article.Solution, article.BodyZh, article.BodyEn]);
        var existing = await db.KnowledgeTerms.Where(t => t.ArticleId == article.Id).ToListAsync(cancellationToken);
        foreach (var term in existing)
        {
            if (index.TryGetValue(term.Term, out var weight))
            {
                term.Weight = weight;
            }
            else
            {
                db.KnowledgeTerms.Remove(term);
            }
        }

        var kept = existing.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        db.KnowledgeTerms.AddRange(index.Where(t => !kept.Contains(t.Key)).Select(t => new KnowledgeTerm { ArticleId = article.Id, Term = t.Key, Weight = t.Value }));
    }

    private static async Task<ArticleSaveResult> SaveOrConflictAsync(IKnowledgeDb db, KnowledgeArticle article, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ArticleSaveResult(ArticleSaveStatus.Conflict);
        }

        return new ArticleSaveResult(ArticleSaveStatus.Saved, article.Id);
    }

    private static Dictionary<string, string> Validate(ArticleInput input, out List<string> tags)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.TitleZh) && string.IsNullOrWhiteSpace(input.TitleEn))
        {
            errors[nameof(input.TitleZh)] = "Articles.Validation.Title";
        }

        foreach (var (field, value) in new[] { (nameof(input.TitleZh), input.TitleZh), (nameof(input.TitleEn), input.TitleEn) })
        {
            if (Clean(value).Length > TitleLength)
            {
                errors[field] = "Articles.Validation.TitleLength";
            }
        }

        // An article that says nothing would still come up in suggestions.
        if (new[] { input.BodyZh, input.BodyEn, input.Solution }.All(string.IsNullOrWhiteSpace))
        {
            errors[nameof(input.Solution)] = "Articles.Validation.Content";
        }

        foreach (var (field, value) in new[] { (nameof(input.BodyZh), input.BodyZh), (nameof(input.BodyEn), input.BodyEn) })
        {
            if (Clean(value).Length > BodyLength)
            {
                errors[field] = "Articles.Validation.BodyLength";
            }
        }

        foreach (var (field, value) in new[] { (nameof(input.Symptom), input.Symptom), (nameof(input.Cause), input.Cause), (nameof(input.Solution), input.Solution) })
        {
            if (Clean(value).Length > StepLength)
            {
                errors[field] = "Articles.Validation.StepLength";
            }
        }

        if (Clean(input.Category).Length > CategoryLength)
        {
            errors[nameof(input.Category)] = "Articles.Validation.Category";
        }

        tags = (input.Tags ?? "").Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tags.Count > MaxTags || tags.Any(t => t.Length > TagLength))
        {
            errors[nameof(input.Tags)] = "Articles.Validation.Tags";
        }

        return errors;
    }

    private static string Clean(string? value) => (value ?? "").Trim();

    private sealed class RankedArticle
    {
        public KnowledgeArticle Article { get; init; } = default!;
        public int Score { get; init; }
    }
}

/// <param name="State">Null for every state; outside the service desk always published.</param>
public sealed record ArticleQuery(string? Search = null, ArticleState? State = ArticleState.Published, string? Category = null, int Skip = 0, int Take = 20)
{
    /// <summary>Articles carrying this tag, exactly as written.</summary>
    public string? Tag { get; init; }

    /// <summary>Articles filed under this product model.</summary>
    public Guid? ProductModelId { get; init; }

    /// <summary>Articles filed under this fault category.</summary>
    public Guid? FaultCategoryId { get; init; }

    /// <summary>Null for both; <see cref="ArticleVisibility.Public"/> lists what a customer portal may show once published.</summary>
    public ArticleVisibility? Visibility { get; init; }
}

public sealed record ArticleRow(Guid Id, string TitleZh, string TitleEn, string Category, ArticleState State, ArticleVisibility Visibility,
    int ViewCount, int HelpfulCount, int NotHelpfulCount, DateTimeOffset UpdatedAt, int Score)
{
    public string TitleIn(System.Globalization.CultureInfo culture) => ArticleText.In(culture, TitleZh, TitleEn);
}

public sealed record ArticleResults(IReadOnlyList<ArticleRow> Items, int Total);

public sealed class ArticleInput
{
    public string? TitleZh { get; set; }
    public string? TitleEn { get; set; }
    public string? BodyZh { get; set; }
    public string? BodyEn { get; set; }
    public string? Symptom { get; set; }
    public string? Cause { get; set; }
    public string? Solution { get; set; }
    public string? Category { get; set; }

    /// <summary>Comma-separated, as typed.</summary>
    public string? Tags { get; set; }

    public IEnumerable<Guid> ProductModelIds { get; set; } = [];
    public IEnumerable<Guid> FaultCategoryIds { get; set; } = [];
    public ArticleVisibility Visibility { get; set; } = ArticleVisibility.Internal;

    public static ArticleInput From(KnowledgeArticle article) => new()
    {
        TitleZh = article.TitleZh, TitleEn = article.TitleEn, BodyZh = article.BodyZh, BodyEn = article.BodyEn,
        Symptom = article.Symptom, Cause = article.Cause, Solution = article.Solution, Category = article.Category,
        Tags = string.Join(", ", article.Tags), ProductModelIds = article.ProductModelIds.ToList(), FaultCategoryIds = article.FaultCategoryIds.ToList(),
        Visibility = article.Visibility,
    };
}

public enum ArticleSaveStatus
{
    Saved,
    Invalid,
    NotFound,

    /// <summary>Someone saved the article since it was loaded; nothing was written.</summary>
    Conflict,
    NotAllowed,
}

public sealed record ArticleSaveResult(ArticleSaveStatus Status, Guid? Id = null, IReadOnlyDictionary<string, string>? Errors = null);

using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Knowledge;

/// <summary>What the knowledge base sees of the database.</summary>
public interface IKnowledgeDb : IDisposable
{
    DbSet<KnowledgeArticle> KnowledgeArticles { get; }
    DbSet<KnowledgeTerm> KnowledgeTerms { get; }
    DbSet<ArticleFile> ArticleFiles { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Knowledge;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.ToTable("KnowledgeArticles");
        builder.Property(a => a.TitleZh).HasMaxLength(KnowledgeBase.TitleLength).IsRequired();
        builder.Property(a => a.TitleEn).HasMaxLength(KnowledgeBase.TitleLength).IsRequired();
        builder.Property(a => a.BodyZh).HasMaxLength(KnowledgeBase.BodyLength).IsRequired();
        builder.Property(a => a.BodyEn).HasMaxLength(KnowledgeBase.BodyLength).IsRequired();
        builder.Property(a => a.Symptom).HasMaxLength(KnowledgeBase.StepLength).IsRequired();
        builder.Property(a => a.Cause).HasMaxLength(KnowledgeBase.StepLength).IsRequired();
        builder.Property(a => a.Solution).HasMaxLength(KnowledgeBase.StepLength).IsRequired();
        builder.Property(a => a.Category).HasMaxLength(KnowledgeBase.CategoryLength).IsRequired();
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.Property(a => a.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(a => new { a.TenantId, a.State, a.UpdatedAt });
        builder.HasIndex(a => new { a.TenantId, a.Category });
    }
}

internal sealed class KnowledgeTermConfiguration : IEntityTypeConfiguration<KnowledgeTerm>
{
    public void Configure(EntityTypeBuilder<KnowledgeTerm> builder)
    {
        builder.ToTable("KnowledgeTerms");
        builder.HasKey(t => new { t.ArticleId, t.Term });
        builder.Property(t => t.Term).HasMaxLength(KnowledgeTerms.MaxTermLength);
        builder.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // A query looks terms up within the tenant and groups by article.
        builder.HasIndex(t => new { t.TenantId, t.Term });
    }
}

internal sealed class ArticleFileConfiguration : IEntityTypeConfiguration<ArticleFile>
{
    public void Configure(EntityTypeBuilder<ArticleFile> builder)
    {
        builder.ToTable("KnowledgeArticleFiles");
        builder.Property(f => f.FileName).HasMaxLength(AfterSales.Modules.Service.AttachmentRules.FileNameLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(128).IsRequired();
        builder.Property(f => f.StorageKey).HasMaxLength(256).IsRequired();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.UploadedBy).HasMaxLength(256);
        builder.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.TenantId, f.ArticleId });
    }
}

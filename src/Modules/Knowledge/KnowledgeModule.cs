using AfterSales.Modules.Service;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Knowledge;

/// <summary>The knowledge base (/knowledge): articles, their search, suggestions while a request is taken, and "turn this answer into an article".</summary>
public static class KnowledgeModule
{
    public static IServiceCollection AddKnowledgeModule(this IServiceCollection services)
    {
        services.AddScoped<KnowledgeBase>();
        services.AddScoped<ArticleFiles>();
        services.AddScoped<IRequestSuggestions, ArticleSuggestions>();
        services.AddSingleton(new RequestPagePart(typeof(RequestArticleAction)));
        return services;
    }

    /// <summary>Article images and attachments, <c>/files/knowledge/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapKnowledgeDownloads(this IEndpointRouteBuilder app)
    {
        ArticleFileDownload.Map(app);
        return app;
    }
}

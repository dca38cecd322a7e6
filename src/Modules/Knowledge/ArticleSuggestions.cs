using System.Globalization;
using AfterSales.Modules.Service;

namespace AfterSales.Modules.Knowledge;

/// <summary>The published articles that match what the agent types into a new request.</summary>
public sealed class ArticleSuggestions(KnowledgeBase knowledge) : IRequestSuggestions
{
    public async Task<IReadOnlyList<RequestSuggestion>> SuggestAsync(string text, int take, CancellationToken cancellationToken = default) =>
        (await knowledge.SuggestAsync(text, take, cancellationToken))
        .Select(a => new RequestSuggestion(a.TitleIn(CultureInfo.CurrentUICulture), $"knowledge/{a.Id}"))
        .ToList();
}

using System.Globalization;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;

namespace AfterSales.Modules.Knowledge;

/// <summary>The published articles that match what the agent types into a new request, those about its model and fault first.</summary>
public sealed class ArticleSuggestions(KnowledgeBase knowledge, ProductCatalog catalog) : IRequestSuggestions
{
    // One agent's page: the tenant's models are looked up once, not on every pause in typing.
    private IReadOnlyDictionary<string, Guid>? _modelsByCode;

    public Task<IReadOnlyList<RequestSuggestion>> SuggestAsync(string text, int take, CancellationToken cancellationToken = default) =>
        SuggestAsync(new SuggestionContext(text), take, cancellationToken);

    public async Task<IReadOnlyList<RequestSuggestion>> SuggestAsync(SuggestionContext context, int take, CancellationToken cancellationToken = default)
    {
        Guid? model = null;
        if (!string.IsNullOrWhiteSpace(context.ModelCode))
        {
            _modelsByCode ??= (await catalog.ListAsync(cancellationToken))
                .GroupBy(m => m.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
            model = _modelsByCode.TryGetValue(context.ModelCode.Trim(), out var id) ? id : null;
        }

        return (await knowledge.SuggestAsync(context.Text, model, context.FaultCategoryId, take, cancellationToken))
            .Select(a => new RequestSuggestion(a.TitleIn(CultureInfo.CurrentUICulture), $"knowledge/{a.Id}"))
            .ToList();
    }
}

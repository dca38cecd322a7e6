namespace AfterSales.Modules.Service;

/// <summary>
/// What another feature suggests to the agent while a request is typed (the knowledge base: articles on the fault). The new-request
/// page shows every implementation's items, so taking requests does not depend on where the suggestions come from.
/// </summary>
public interface IRequestSuggestions
{
    /// <summary>The best items for the subject and description typed so far, best first; at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<RequestSuggestion>> SuggestAsync(string text, int take, CancellationToken cancellationToken = default);

    /// <summary>The same, knowing what the request is about so far (the unit's model, the fault category): items about it come first.</summary>
    Task<IReadOnlyList<RequestSuggestion>> SuggestAsync(SuggestionContext context, int take, CancellationToken cancellationToken = default) =>
        SuggestAsync(context.Text, take, cancellationToken);
}

/// <param name="ModelCode">The product model of the unit the request is for, when known.</param>
/// <param name="FaultCategoryId">The request's fault category (a <see cref="DictionaryKind.FaultCategory"/> entry), when chosen.</param>
public sealed record SuggestionContext(string Text, string? ModelCode = null, Guid? FaultCategoryId = null);

/// <param name="Url">Relative to the tenant's base address (<c>knowledge/…</c>).</param>
public sealed record RequestSuggestion(string Title, string Url);

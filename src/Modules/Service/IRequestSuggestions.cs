namespace AfterSales.Modules.Service;

/// <summary>
/// What another feature suggests to the agent while a request is typed (the knowledge base: articles on the fault). The new-request
/// page shows every implementation's items, so taking requests does not depend on where the suggestions come from.
/// </summary>
public interface IRequestSuggestions
{
    /// <summary>The best items for the subject and description typed so far, best first; at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<RequestSuggestion>> SuggestAsync(string text, int take, CancellationToken cancellationToken = default);
}

/// <param name="Url">Relative to the tenant's base address (<c>knowledge/…</c>).</param>
public sealed record RequestSuggestion(string Title, string Url);

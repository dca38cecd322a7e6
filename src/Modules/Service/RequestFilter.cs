using System.Globalization;
using AfterSales.Modules.Forms;
using Microsoft.AspNetCore.WebUtilities;

namespace AfterSales.Modules.Service;

/// <summary>
/// The request list's filter as its URL carries it (<c>?view=Mine&amp;status=Assigned&amp;type=…&amp;q=…&amp;sort=Due&amp;dir=asc&amp;cf.floor_no=10~20&amp;layout=board&amp;page=3</c>),
/// so a list can be bookmarked, shared, restored by Back, saved per user and exported exactly as shown.
/// </summary>
public sealed record RequestFilter(
    RequestView View = RequestView.All, string? Search = null, string? Status = null, Guid? TypeId = null,
    string? FieldKey = null, string? FieldValue = null, string? Sort = null, bool Ascending = false, bool Board = false, int Page = 1)
{
    /// <summary>The same list from its first page: what a saved filter keeps and what a changed condition starts from.</summary>
    public RequestFilter FirstPage => this with { Page = 1 };

    public static RequestFilter FromQuery(string? queryString)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        string? Get(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
        var field = query.FirstOrDefault(q => q.Key.StartsWith(FieldFilter.UrlPrefix, StringComparison.Ordinal));
        return new RequestFilter(
            Enum.TryParse<RequestView>(Get("view"), true, out var view) ? view : RequestView.All,
            Get("q"),
            Get("status") is { } status && AfterSales.Modules.Workflow.WorkflowBook.IsStatusKey(status) ? status : null,
            Guid.TryParse(Get("type"), out var type) ? type : null,
            field.Key?[FieldFilter.UrlPrefix.Length..],
            field.Key is null ? null : field.Value.ToString(),
            Get("sort"),
            string.Equals(Get("dir"), "asc", StringComparison.OrdinalIgnoreCase),
            string.Equals(Get("layout"), "board", StringComparison.OrdinalIgnoreCase),
            int.TryParse(Get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1 ? page : 1);
    }

    /// <summary>The query string (with its leading "?", or empty for the default list).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("view", View == RequestView.All ? null : View.ToString());
        Add("q", Search?.Trim());
        Add("status", Status);
        Add("type", TypeId?.ToString());
        if (FieldKey is not null)
        {
            parts.Add($"{FieldFilter.UrlPrefix}{FieldKey}={Uri.EscapeDataString(FieldValue ?? "")}");
        }

        Add("sort", Sort);
        Add("dir", Ascending ? "asc" : null);
        Add("layout", Board ? "board" : null);
        Add("page", Page > 1 && !Board ? Page.ToString(CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The custom-field condition, if the field is one the list knows and a value is given.</summary>
    public FieldFilter? Field(IReadOnlyDictionary<string, FieldDefinition> fields) =>
        FieldKey is not null && fields.TryGetValue(FieldKey, out var field) && FieldFilter.Parse(field, FieldValue) is { IsEmpty: false } filter ? filter : null;

    /// <summary>The query for the desk; <paramref name="userId"/> is whose "mine" it is.</summary>
    public RequestQuery ToQuery(IReadOnlyDictionary<string, FieldDefinition> fields, string? userId, int skip = 0, int take = 20)
    {
        FieldSort? fieldSort = null;
        var sort = RequestSort.Created;
        if (Sort?.StartsWith(FieldFilter.UrlPrefix, StringComparison.Ordinal) == true && fields.TryGetValue(Sort[FieldFilter.UrlPrefix.Length..], out var sortField))
        {
            fieldSort = new FieldSort(sortField.Key, sortField.Kind, !Ascending);
        }
        else if (Enum.TryParse<RequestSort>(Sort, true, out var parsed))
        {
            sort = parsed;
        }

        return new RequestQuery(View, Search, Status, TypeId, UserId: userId, Skip: skip, Take: take,
            Fields: Field(fields) is { } filter ? [filter] : null, FieldSort: fieldSort, Sort: sort, Descending: !Ascending);
    }
}

using AfterSales.Modules.Forms;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Service;

/// <summary>
/// <c>GET /requests/export.xlsx</c> with the list page's own query string (<see cref="RequestFilter"/>): the requests as filtered
/// and sorted on the page, with a column per custom field of the chosen type (or of every type).
/// </summary>
internal static class RequestsExport
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/requests/export.xlsx", ExportAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(
        HttpContext context, RequestDesk desk, DictionaryBook dictionaries, ICurrentUser user, IStringLocalizer<ServiceText> text, IStringLocalizer<Strings> common, CancellationToken cancellationToken)
    {
        var filter = RequestFilter.FromQuery(context.Request.QueryString.Value);
        var fields = await desk.ListFieldsAsync(filter.TypeId, cancellationToken);
        var page = await desk.ExportAsync(filter.ToQuery(fields, user.Id), cancellationToken);
        var names = await dictionaries.ChoiceNamesAsync(cancellationToken);
        var values = fields.Count == 0 ? [] : await desk.CustomFieldsAsync(page.Items.Select(r => r.Id).ToList(), cancellationToken);
        return await ExcelExport.FileAsync(page.Items,
        [
            (text["Request.Number"], r => r.Number),
            (text["Request.Type"], r => r.TypeName),
            (text["Request.Subject"], r => r.Subject),
            (text["Request.Customer"], r => r.CustomerName),
            (text["Request.SerialNumber"], r => r.SerialNumber),
            (text["Request.Status"], r => r.StatusName),
            (text["Request.Priority"], r => names.Priority(r.Priority)),
            (text["Request.Assignee"], r => r.AssigneeName),
            (common["Common.CreatedAt"], r => r.CreatedAt),
            (text["Request.Due"], r => r.DueAt),
            .. CustomFieldColumns.Of<RequestRow>(fields, values, r => r.Id),
        ], "service-requests", cancellationToken);
    }
}

using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AfterSales.Modules.Products;

/// <summary><c>GET /serials/import-template.xlsx</c>: the header row in the user's language and one example row.</summary>
internal static class SerialImportTemplate
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/serials/import-template.xlsx", FileAsync).RequireAuthorization(Policies.ServiceDesk).ExcludeFromDescription();

    private static Task<IResult> FileAsync(CancellationToken cancellationToken)
    {
        string[] example = ["SN-0001", "MODEL-01", "C1001", "2026-01-05", "B202601", "", "2026-02-01", "", "", ""];
        return ExcelExport.TemplateAsync(SerialImport.Columns, example, "serial-import-template", cancellationToken);
    }
}

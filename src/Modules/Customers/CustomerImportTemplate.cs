using System.Globalization;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AfterSales.Modules.Customers;

/// <summary><c>GET /customers/import-template.xlsx</c>: the header row in the user's language and one example row.</summary>
internal static class CustomerImportTemplate
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/customers/import-template.xlsx", FileAsync).RequireAuthorization(Policies.ServiceDesk).ExcludeFromDescription();

    private static Task<IResult> FileAsync(CancellationToken cancellationToken)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        string[] example = ["C9001", chinese ? "示例科技有限公司" : "Example Ltd.", chinese ? "企业" : "Company", "A", chinese ? "华东" : "North",
            "021-5555 0000", "service@example.com", "", "", chinese ? "张三" : "Jane Doe", "13800000000", ""];
        return ExcelExport.TemplateAsync(CustomerImport.Columns, example, "customer-import-template", cancellationToken);
    }
}

using AfterSales.Modules.Shared;
using AfterSales.Workflows.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AfterSales.Modules.Workflow;

/// <summary><c>GET /admin/workflows/{key}/export?version=N</c>: one version as the JSON document the import takes back.</summary>
internal static class WorkflowExport
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/admin/workflows/{key}/export", ExportAsync).RequireAuthorization(Policies.TenantAdmin).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(string key, int version, WorkflowBook book, CancellationToken cancellationToken) =>
        await book.FindAsync(key, version, cancellationToken) is { } definition
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(WorkflowJson.Serialize(definition)), "application/json", $"{key}-v{version}.json")
            : Results.NotFound();
}

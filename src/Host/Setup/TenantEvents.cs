using AfterSales.Tenancy.AspNetCore;

namespace AfterSales.Host.Setup;

/// <summary>How the host answers a request for an unknown or suspended tenant: a page, or problem details for the API.</summary>
public static class TenantEvents
{
    public const string IdentifierItem = "tenancy.identifier";

    public static void Configure(TenancyOptions options)
    {
        options.Events.OnTenantNotFound = e => Answer(e, StatusCodes.Status404NotFound, "/errors/tenant-not-found", "Tenant not found");
        options.Events.OnTenantSuspended = e => Answer(e, StatusCodes.Status403Forbidden, "/errors/tenant-suspended", "Tenant suspended");
    }

    private static async Task Answer(TenantEventContext e, int status, string page, string title)
    {
        var context = e.HttpContext;
        var prefix = e.Resolution.Match!.PathPrefix;
        var rest = prefix.HasValue && context.Request.Path.StartsWithSegments(prefix, out var remaining) ? remaining : context.Request.Path;
        if (rest.StartsWithSegments("/api") || rest.StartsWithSegments("/connect") || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = status;
            await Results.Problem(statusCode: status, title: title).ExecuteAsync(context);
            return;
        }

        context.Items[IdentifierItem] = e.Resolution.Match.Identifier;
        context.Request.Path = page;
        context.SetEndpoint(null);
        await e.Next(context);
    }
}

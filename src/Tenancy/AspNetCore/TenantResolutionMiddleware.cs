using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AfterSales.Tenancy.AspNetCore;

/// <summary>
/// Resolves the tenant once per request, holds it in the scoped <see cref="TenantContext"/>, and for a
/// route-prefix match moves <c>/t/{tenant}</c> into <c>PathBase</c> so the app below routes unchanged
/// (and Blazor's hub, cookies and links stay under the tenant's prefix).
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenancyOptions> options)
{
    /// <summary>Runs the middleware.</summary>
    public async Task InvokeAsync(HttpContext context, TenantResolver resolver, TenantContext tenantContext)
    {
        var resolution = await resolver.ResolveAsync(context);
        if (resolution.Match is null)
        {
            await next(context);
            return;
        }

        var events = options.Value.Events;
        if (resolution.Tenant is null)
        {
            await events.OnTenantNotFound(new TenantEventContext(context, resolution, next));
            return;
        }

        if (!resolution.Tenant.IsActive)
        {
            await events.OnTenantSuspended(new TenantEventContext(context, resolution, next));
            return;
        }

        tenantContext.SetTenant(resolution.Tenant, resolution.Strategy!);
        var prefix = resolution.Match.PathPrefix;
        if (!prefix.HasValue)
        {
            await next(context);
            return;
        }

        var originalBase = context.Request.PathBase;
        var originalPath = context.Request.Path;
        context.Request.PathBase = originalBase.Add(prefix);
        context.Request.Path = originalPath.Value!.Length > prefix.Value!.Length
            ? new PathString(originalPath.Value[prefix.Value.Length..])
            : new PathString("/");
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.PathBase = originalBase;
            context.Request.Path = originalPath;
        }
    }
}

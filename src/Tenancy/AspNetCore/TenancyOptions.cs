using Microsoft.AspNetCore.Http;

namespace AfterSales.Tenancy.AspNetCore;

/// <summary>Options of the tenancy middleware.</summary>
public sealed class TenancyOptions
{
    /// <summary>Hooks for the host to answer requests the middleware will not serve.</summary>
    public TenancyEvents Events { get; } = new();
}

/// <summary>Handlers for requests naming an unknown or suspended tenant. Defaults: bare 404 and 403.</summary>
public sealed class TenancyEvents
{
    /// <summary>The identifier is unknown. Must produce a response; the tenant data is never reached.</summary>
    public Func<TenantEventContext, Task> OnTenantNotFound { get; set; } = e =>
    {
        e.HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    /// <summary>The tenant is suspended. Must produce a response; the tenant data is never reached.</summary>
    public Func<TenantEventContext, Task> OnTenantSuspended { get; set; } = e =>
    {
        e.HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
}

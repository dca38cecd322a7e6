using Microsoft.AspNetCore.Http;

namespace AfterSales.Tenancy.AspNetCore;

/// <summary>What the host's handler for an unknown or suspended tenant receives.</summary>
/// <param name="HttpContext">The request.</param>
/// <param name="Resolution">What was resolved.</param>
/// <param name="Next">The rest of the pipeline, for a handler that re-executes a page (still without a tenant).</param>
public sealed record TenantEventContext(HttpContext HttpContext, TenantResolution Resolution, RequestDelegate Next);

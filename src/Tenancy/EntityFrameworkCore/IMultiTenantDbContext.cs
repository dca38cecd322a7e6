namespace AfterSales.Tenancy.EntityFrameworkCore;

/// <summary>
/// A DbContext that knows its tenant. The query filter reads <see cref="CurrentTenantId"/> from the
/// context instance on every query: EF caches the model once per context type, so a filter that
/// captured the id as a value would serve the first tenant's id to everyone.
/// </summary>
public interface IMultiTenantDbContext
{
    /// <summary>The tenant this context instance works for; null for platform work.</summary>
    string? CurrentTenantId { get; }
}

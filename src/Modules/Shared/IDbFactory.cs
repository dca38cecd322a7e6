namespace AfterSales.Modules.Shared;

/// <summary>
/// Creates a short-lived unit of work over a module's own view of the database. Blazor circuits live long,
/// so pages create one per operation instead of holding a scoped DbContext; the instance belongs to the
/// circuit's tenant.
/// </summary>
public interface IDbFactory<out TDb> where TDb : IDisposable
{
    TDb Create();
}

using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>
/// The last request number given on a day. It is raised in the same transaction that inserts the request, so a failed
/// insert gives its number back and two concurrent ones cannot take the same.
/// </summary>
public class RequestNumberCounter : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>Requests counted per product model or per service type since the start (seed 001), for analysis.</summary>
public class ServiceCounter : ITenantOwned
{
    public string TenantId { get; set; } = "";
    public ServiceCounterKind Kind { get; set; }
    public string Key { get; set; } = "";
    public int Count { get; set; }
}

public enum ServiceCounterKind
{
    ProductModel = 0,
    ServiceType = 1,

    /// <summary>Keyed by the category's id, so a renamed category keeps its count.</summary>
    ProblemCategory = 2,
}

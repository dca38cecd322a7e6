namespace AfterSales.Tenancy;

/// <summary>Lifecycle state of a tenant.</summary>
public enum TenantStatus
{
    /// <summary>Users and API clients can work.</summary>
    Active = 0,

    /// <summary>Nothing of the tenant's data is reachable; users see a page saying so.</summary>
    Suspended = 1,
}

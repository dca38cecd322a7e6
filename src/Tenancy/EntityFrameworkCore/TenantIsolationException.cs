namespace AfterSales.Tenancy.EntityFrameworkCore;

/// <summary>A save would have written data across a tenant boundary; nothing was saved.</summary>
public sealed class TenantIsolationException(string message) : InvalidOperationException(message);

using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Customers;

/// <summary>
/// A service agreement (服务协议) with a customer: for a period, the units it covers (all of the customer's, or
/// listed serial numbers), the promised response time, the service items and how they are charged.
/// </summary>
public class ServiceAgreement : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid CustomerId { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>Hours within which the tenant promised to respond; null when the agreement promises none.</summary>
    public int? ResponseHours { get; set; }
    public string? ServiceItems { get; set; }
    public string? ChargingTerms { get; set; }
    public bool CoversAllUnits { get; set; } = true;
    public List<ServiceAgreementUnit> Units { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Changes on every save; two people editing the same agreement cannot overwrite each other.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Number;

    public bool IsActiveOn(DateOnly day) => StartDate <= day && day <= EndDate;

    public bool Covers(string serialNumber) => CoversAllUnits || Units.Any(u => u.SerialNumber == serialNumber);
}

/// <summary>A unit an agreement names, by its (normalized) serial number.</summary>
public class ServiceAgreementUnit : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid AgreementId { get; set; }
    public string SerialNumber { get; set; } = "";
}

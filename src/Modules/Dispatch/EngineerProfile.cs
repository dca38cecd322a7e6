using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// What an engineer takes on: skills (service types and product categories), regions, working days and how many open requests a
/// day they can carry. Each list left empty takes any request. An engineer without a profile takes any request on any day.
/// </summary>
public class EngineerProfile : ITenantOwned, IAuditable
{
    public const int MaxCapacity = 99;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string UserId { get; set; } = "";
    public List<Guid> ServiceTypeIds { get; set; } = [];
    public List<Guid> CategoryIds { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<DayOfWeek> WorkingDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>The most open requests the engineer carries on one day (visits asked for that day, or overdue and undated ones today).</summary>
    public int CapacityPerDay { get; set; } = 5;
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => UserId;

    public bool WorksOn(DateOnly day) => WorkingDays.Contains(day.DayOfWeek);

    /// <summary>What the engineer lacks for a request with these facts; null when the profile covers it. An unknown fact only suits an empty list.</summary>
    public EngineerOutcome? Lacks(RequestFacts facts) =>
        ServiceTypeIds.Count > 0 && !ServiceTypeIds.Contains(facts.ServiceTypeId) ? EngineerOutcome.LacksServiceType
        : CategoryIds.Count > 0 && (facts.CategoryId is not { } category || !CategoryIds.Contains(category)) ? EngineerOutcome.LacksCategory
        : Regions.Count > 0 && !Regions.Contains(facts.Region ?? "", StringComparer.OrdinalIgnoreCase) ? EngineerOutcome.OutsideRegion
        : null;
}

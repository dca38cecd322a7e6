using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// One of the tenant's ordered assignment rules: which requests it takes (service types, priorities, customer regions, product
/// categories — an empty list matches any), the engineers it chooses from, and how it chooses. The first enabled rule that
/// matches and has an engineer available assigns the request.
/// </summary>
public class AssignmentRule : ITenantOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsEnabled { get; set; } = true;

    /// <summary>A workflow's "assign by rules" that names this set tries only the rules of the set; one that names none tries them all.</summary>
    public string? RuleSet { get; set; }
    public List<Guid> ServiceTypeIds { get; set; } = [];
    public List<RequestPriority> Priorities { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<Guid> CategoryIds { get; set; } = [];
    public CandidatePool Pool { get; set; } = CandidatePool.Named;

    /// <summary>User ids of the engineers a <see cref="CandidatePool.Named"/> rule chooses from, in the order round robin follows.</summary>
    public List<string> EngineerIds { get; set; } = [];
    public AssignmentStrategy Strategy { get; set; } = AssignmentStrategy.LeastLoad;
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    string IAuditable.AuditKey => Name;

    /// <summary>Why the rule does not take a request with these facts; null when it does.</summary>
    public RuleOutcome? Mismatch(RequestFacts facts) =>
        !IsEnabled ? RuleOutcome.Disabled
        : ServiceTypeIds.Count > 0 && !ServiceTypeIds.Contains(facts.ServiceTypeId) ? RuleOutcome.TypeDiffers
        : Priorities.Count > 0 && !Priorities.Contains(facts.Priority) ? RuleOutcome.PriorityDiffers
        : Regions.Count > 0 && !Regions.Contains(facts.Region ?? "", StringComparer.OrdinalIgnoreCase) ? RuleOutcome.RegionDiffers
        : CategoryIds.Count > 0 && (facts.CategoryId is not { } category || !CategoryIds.Contains(category)) ? RuleOutcome.CategoryDiffers
        : null;

    /// <summary>Whether a workflow action naming <paramref name="ruleSet"/> (or none) tries this rule.</summary>
    public bool BelongsTo(string? ruleSet) =>
        string.IsNullOrWhiteSpace(ruleSet) || string.Equals(RuleSet, ruleSet.Trim(), StringComparison.OrdinalIgnoreCase);
}

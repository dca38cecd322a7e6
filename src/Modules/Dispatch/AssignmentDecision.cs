using AfterSales.Modules.Service;

namespace AfterSales.Modules.Dispatch;

/// <summary>What the rules match on: the request's type and priority, its customer's region, its unit's product category, and the day the customer asked for.</summary>
public sealed record RequestFacts(Guid ServiceTypeId, RequestPriority Priority, string? Region, Guid? CategoryId, DateOnly? RequestedDate = null)
{
    /// <summary>The day an engineer would go: the day asked for, or today when none was or it has passed.</summary>
    public DateOnly VisitDay(DateOnly today) => RequestedDate is { } asked && asked > today ? asked : today;
}

/// <summary>The rule and engineer chosen (both null when none), and what each rule made of the request.</summary>
public sealed record AssignmentDecision(AssignmentRule? Rule, StaffContact? Engineer, IReadOnlyList<RuleVerdict> Verdicts);

/// <param name="Engineers">What the rule made of each engineer of its pool; empty when the rule did not match or was not reached.</param>
public sealed record RuleVerdict(Guid RuleId, string Name, RuleOutcome Outcome, IReadOnlyList<EngineerVerdict> Engineers);

public enum RuleOutcome
{
    Chosen,
    Disabled,
    TypeDiffers,
    PriorityDiffers,
    RegionDiffers,
    CategoryDiffers,
    NoEngineerAvailable,
    NotReached,
}

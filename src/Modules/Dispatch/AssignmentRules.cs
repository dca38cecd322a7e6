using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// The tenant's assignment rules: kept in order by the admin, tried in that order for a request, and explained by the tester
/// ("which engineer would get this request, and why not the others").
/// </summary>
public sealed class AssignmentRules(IDbFactory<IDispatchDb> dbFactory, IAssigneeDirectory staff)
{
    public const int NameLength = 64;

    public async Task<IReadOnlyList<AssignmentRule>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.AssignmentRules.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Creates a rule at the end of the list (<paramref name="id"/> null) or changes one loaded with <paramref name="loadedStamp"/>.</summary>
    public async Task<RuleSaveResult> SaveAsync(Guid? id, RuleInput input, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > NameLength)
        {
            errors[nameof(input.Name)] = "Rules.Validation.Name";
        }

        var engineers = (await staff.InRoleAsync(Roles.Engineer, cancellationToken)).Select(e => e.UserId).ToHashSet(StringComparer.Ordinal);
        if (input.EngineerIds.Count == 0 || input.EngineerIds.Any(e => !engineers.Contains(e)))
        {
            errors[nameof(input.EngineerIds)] = "Rules.Validation.Engineers";
        }

        if (errors.Count > 0)
        {
            return new RuleSaveResult(RuleSaveStatus.Invalid, errors);
        }

        using var db = dbFactory.Create();
        var rule = id is null ? null : await db.AssignmentRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && rule is null)
        {
            return new RuleSaveResult(RuleSaveStatus.NotFound);
        }

        if (rule is not null && rule.ConcurrencyStamp != loadedStamp)
        {
            return new RuleSaveResult(RuleSaveStatus.Conflict);
        }

        if (rule is null)
        {
            var last = await db.AssignmentRules.MaxAsync(r => (int?)r.SortOrder, cancellationToken) ?? 0;
            db.AssignmentRules.Add(rule = new AssignmentRule { SortOrder = last + 10 });
        }

        rule.Name = input.Name!.Trim();
        rule.IsEnabled = input.IsEnabled;
        rule.ServiceTypeIds = [.. input.ServiceTypeIds.Distinct()];
        rule.Priorities = [.. input.Priorities.Distinct()];
        rule.Regions = [.. input.Regions.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        rule.CategoryIds = [.. input.CategoryIds.Distinct()];
        rule.EngineerIds = [.. input.EngineerIds.Distinct()];
        rule.Strategy = input.Strategy;
        rule.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        return await SaveChangesAsync(db, rule.Id, cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rule = await db.AssignmentRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return false;
        }

        db.AssignmentRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Swaps a rule with its neighbour above (<paramref name="up"/>) or below; false when it is already at that end or not the tenant's.</summary>
    public async Task<bool> MoveAsync(Guid id, bool up, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rules = await db.AssignmentRules.OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        var index = rules.FindIndex(r => r.Id == id);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= rules.Count)
        {
            return false;
        }

        // Renumbered as a whole, so equal numbers left by older edits cannot make a move a no-op.
        (rules[index], rules[other]) = (rules[other], rules[index]);
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].SortOrder = (i + 1) * 10;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>What the tester shows: the decision for a request with these facts, without assigning anything.</summary>
    public async Task<AssignmentDecision> TestAsync(RequestFacts facts, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rules = await db.AssignmentRules.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        return await DecideAsync(db, rules, facts, null, cancellationToken);
    }

    /// <summary>The facts the rules match on: the request's type and priority, its customer's region, its unit's product category.</summary>
    public static async Task<RequestFacts> FactsAsync(IDispatchDb db, ServiceRequest request, CancellationToken cancellationToken)
    {
        var region = request.CustomerId is { } customer
            ? await db.Customers.AsNoTracking().Where(c => c.Id == customer).Select(c => c.Region).FirstOrDefaultAsync(cancellationToken)
            : null;
        var category = request.ModelCode is { } model
            ? await db.ProductModels.AsNoTracking().Where(m => m.Code == model).Select(m => m.CategoryId).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new RequestFacts(request.ServiceTypeId, request.Priority, region, category);
    }

    /// <summary>
    /// Tries <paramref name="rules"/> in order. Engineers who cannot sign in are skipped; least load counts the open requests each
    /// engineer holds (besides <paramref name="requestId"/>), round robin takes the engineer after the rule's last choice.
    /// </summary>
    public async Task<AssignmentDecision> DecideAsync(IDispatchDb db, IReadOnlyList<AssignmentRule> rules, RequestFacts facts, Guid? requestId,
        CancellationToken cancellationToken)
    {
        var active = (await staff.InRoleAsync(Roles.Engineer, cancellationToken)).ToDictionary(e => e.UserId, StringComparer.Ordinal);
        var verdicts = new List<RuleVerdict>();
        AssignmentRule? chosenRule = null;
        StaffContact? chosen = null;
        foreach (var rule in rules)
        {
            if (chosen is not null)
            {
                verdicts.Add(new RuleVerdict(rule.Id, rule.Name, RuleOutcome.NotReached));
                continue;
            }

            var outcome = Mismatch(rule, facts);
            if (outcome is null)
            {
                var pool = rule.EngineerIds.Where(active.ContainsKey).ToList();
                if (pool.Count == 0)
                {
                    outcome = RuleOutcome.NoEngineerAvailable;
                }
                else
                {
                    chosenRule = rule;
                    chosen = active[await PickAsync(db, rule, pool, requestId, cancellationToken)];
                    outcome = RuleOutcome.Chosen;
                }
            }

            verdicts.Add(new RuleVerdict(rule.Id, rule.Name, outcome.Value));
        }

        return new AssignmentDecision(chosenRule, chosen, verdicts);
    }

    private static RuleOutcome? Mismatch(AssignmentRule rule, RequestFacts facts) =>
        !rule.IsEnabled ? RuleOutcome.Disabled
        : rule.ServiceTypeIds.Count > 0 && !rule.ServiceTypeIds.Contains(facts.ServiceTypeId) ? RuleOutcome.TypeDiffers
        : rule.Priorities.Count > 0 && !rule.Priorities.Contains(facts.Priority) ? RuleOutcome.PriorityDiffers
        : rule.Regions.Count > 0 && !rule.Regions.Contains(facts.Region ?? "", StringComparer.OrdinalIgnoreCase) ? RuleOutcome.RegionDiffers
        : rule.CategoryIds.Count > 0 && (facts.CategoryId is not { } category || !rule.CategoryIds.Contains(category)) ? RuleOutcome.CategoryDiffers
        : null;

    private static async Task<string> PickAsync(IDispatchDb db, AssignmentRule rule, List<string> pool, Guid? requestId, CancellationToken cancellationToken)
    {
        if (rule.Strategy == AssignmentStrategy.RoundRobin)
        {
            var last = rule.LastAssignedId is { } id ? rule.EngineerIds.IndexOf(id) : -1;
            // The next engineer after the last choice in the rule's own order, skipping those not available now.
            return rule.EngineerIds.Skip(last + 1).Concat(rule.EngineerIds.Take(last + 1)).First(pool.Contains);
        }

        var load = await Workload.OpenCountsAsync(db.ServiceRequests, pool, requestId, cancellationToken);
        return pool.OrderBy(e => load.GetValueOrDefault(e)).ThenBy(pool.IndexOf).First();
    }

    private static async Task<RuleSaveResult> SaveChangesAsync(IDispatchDb db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new RuleSaveResult(RuleSaveStatus.Saved, Id: id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RuleSaveResult(RuleSaveStatus.Conflict);
        }
    }
}

public sealed record RequestFacts(Guid ServiceTypeId, RequestPriority Priority, string? Region, Guid? CategoryId);

/// <summary>The rule and engineer chosen (both null when none), and what each rule made of the request.</summary>
public sealed record AssignmentDecision(AssignmentRule? Rule, StaffContact? Engineer, IReadOnlyList<RuleVerdict> Verdicts);

public sealed record RuleVerdict(Guid RuleId, string Name, RuleOutcome Outcome);

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

public sealed class RuleInput
{
    public string? Name { get; set; }
    public bool IsEnabled { get; set; } = true;
    public List<Guid> ServiceTypeIds { get; set; } = [];
    public List<RequestPriority> Priorities { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<Guid> CategoryIds { get; set; } = [];
    public List<string> EngineerIds { get; set; } = [];
    public AssignmentStrategy Strategy { get; set; } = AssignmentStrategy.LeastLoad;
}

public enum RuleSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record RuleSaveResult(RuleSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null, Guid? Id = null);

using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// The tenant's assignment rules: kept in order by the admin, tried in that order for a request, and explained by the tester
/// ("which engineer would get this request, and why not the others").
/// </summary>
public sealed class AssignmentRules(IDbFactory<IDispatchDb> dbFactory, IAssigneeDirectory staff, AssignmentDecider decider)
{
    public const int NameLength = 64;
    public const int RuleSetLength = 32;

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

        if (input.RuleSet?.Trim().Length > RuleSetLength)
        {
            errors[nameof(input.RuleSet)] = "Rules.Validation.RuleSet";
        }

        // A skill-based pool is whoever the profiles say on the day; a named one must name engineers who can sign in now.
        var engineers = (await staff.InRoleAsync(Roles.Engineer, cancellationToken)).Select(e => e.UserId).ToHashSet(StringComparer.Ordinal);
        if (input.Pool == CandidatePool.Named && (input.EngineerIds.Count == 0 || input.EngineerIds.Any(e => !engineers.Contains(e))))
        {
            errors[nameof(input.EngineerIds)] = "Rules.Validation.Engineers";
        }

        if (errors.Count > 0)
        {
            return new RuleSaveResult(DispatchSaveStatus.Invalid, errors);
        }

        using var db = dbFactory.Create();
        var rule = id is null ? null : await db.AssignmentRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && rule is null)
        {
            return new RuleSaveResult(DispatchSaveStatus.NotFound);
        }

        if (rule is not null && rule.ConcurrencyStamp != loadedStamp)
        {
            return new RuleSaveResult(DispatchSaveStatus.Conflict);
        }

        if (rule is null)
        {
            var last = await db.AssignmentRules.MaxAsync(r => (int?)r.SortOrder, cancellationToken) ?? 0;
            db.AssignmentRules.Add(rule = new AssignmentRule { SortOrder = last + 10 });
        }

        rule.Name = input.Name!.Trim();
        rule.IsEnabled = input.IsEnabled;
        rule.RuleSet = string.IsNullOrWhiteSpace(input.RuleSet) ? null : input.RuleSet.Trim();
        rule.Pool = input.Pool;
        rule.ServiceTypeIds = [.. input.ServiceTypeIds.Distinct()];
        rule.Priorities = [.. input.Priorities.Distinct()];
        rule.Regions = [.. input.Regions.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        rule.CategoryIds = [.. input.CategoryIds.Distinct()];
        rule.EngineerIds = input.Pool == CandidatePool.Named ? [.. input.EngineerIds.Distinct()] : [];
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

    /// <summary>What the tester shows: the decision for a request with these facts (and the rules of <paramref name="ruleSet"/> when one is named), without assigning anything.</summary>
    public async Task<AssignmentDecision> TestAsync(RequestFacts facts, string? ruleSet = null, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await TestAsync(db, facts, null, ruleSet, cancellationToken);
    }

    /// <summary>The tester on a stored request, by its number: its own facts and requested date; null when the tenant has no such request.</summary>
    public async Task<(RequestFacts Facts, AssignmentDecision Decision)?> TestRequestAsync(string number, string? ruleSet = null, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var normalized = number.Trim().ToUpperInvariant();
        if (await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Number == normalized, cancellationToken) is not { } request)
        {
            return null;
        }

        var facts = await AssignmentDecider.FactsAsync(db, request, cancellationToken);
        return (facts, await TestAsync(db, facts, request.Id, ruleSet, cancellationToken));
    }

    private async Task<AssignmentDecision> TestAsync(IDispatchDb db, RequestFacts facts, Guid? requestId, string? ruleSet, CancellationToken cancellationToken)
    {
        var rules = await AssignmentDecider.OrderedAsync(db, ruleSet, cancellationToken);
        var cursors = await db.AssignmentCursors.AsNoTracking().ToDictionaryAsync(c => c.RuleId, c => c.LastUserId, cancellationToken);
        return await decider.DecideAsync(db, rules, facts, requestId, cursors, cancellationToken);
    }

    private static async Task<RuleSaveResult> SaveChangesAsync(IDispatchDb db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new RuleSaveResult(DispatchSaveStatus.Saved, Id: id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RuleSaveResult(DispatchSaveStatus.Conflict);
        }
    }
}

public sealed class RuleInput
{
    public string? Name { get; set; }
    public bool IsEnabled { get; set; } = true;
    public string? RuleSet { get; set; }
    public CandidatePool Pool { get; set; } = CandidatePool.Named;
    public List<Guid> ServiceTypeIds { get; set; } = [];
    public List<RequestPriority> Priorities { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<Guid> CategoryIds { get; set; } = [];
    public List<string> EngineerIds { get; set; } = [];
    public AssignmentStrategy Strategy { get; set; } = AssignmentStrategy.LeastLoad;
}

public enum DispatchSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record RuleSaveResult(DispatchSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null, Guid? Id = null);

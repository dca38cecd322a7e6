using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// Tries the tenant's rules in order for one request: the first enabled rule that matches and has an engineer available
/// decides. Used by the workflow's "assign by rules", the dispatch board and the rules page's tester, so all three agree.
/// </summary>
public sealed class AssignmentDecider(IAssigneeDirectory staff, ITenantContext tenantContext, TimeProvider clock)
{
    /// <summary>The tenant's calendar day now; working days and capacity are counted by it.</summary>
    public DateOnly Today => tenantContext.Tenant.TodayFor(clock.GetUtcNow());

    /// <summary>The facts of a stored request: its customer's region and its unit's product category are looked up.</summary>
    public static async Task<RequestFacts> FactsAsync(IDispatchDb db, ServiceRequest request, CancellationToken cancellationToken)
    {
        var region = request.CustomerId is { } customer
            ? await db.Customers.AsNoTracking().Where(c => c.Id == customer).Select(c => c.Region).FirstOrDefaultAsync(cancellationToken)
            : null;
        var category = request.ModelCode is { } model
            ? await db.ProductModels.AsNoTracking().Where(m => m.Code == model).Select(m => m.CategoryId).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new RequestFacts(request.ServiceTypeId, request.Priority, region, category, request.RequestedDate);
    }

    /// <summary>The rules in the order they are tried, those of <paramref name="ruleSet"/> only when one is named.</summary>
    public static async Task<List<AssignmentRule>> OrderedAsync(IDispatchDb db, string? ruleSet, CancellationToken cancellationToken) =>
        (await db.AssignmentRules.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken))
        .Where(r => r.BelongsTo(ruleSet)).ToList();

    /// <summary>
    /// The decision for a stored request in <paramref name="db"/>'s unit of work. The round-robin places are read tracked, so
    /// <see cref="TakeTurn"/> on them is guarded by their stamps when that unit of work is saved.
    /// </summary>
    public async Task<(AssignmentDecision Decision, IReadOnlyList<AssignmentCursor> Cursors)> DecideForAsync(IDispatchDb db, ServiceRequest request, string? ruleSet,
        CancellationToken cancellationToken)
    {
        var rules = await OrderedAsync(db, ruleSet, cancellationToken);
        var cursors = await db.AssignmentCursors.ToListAsync(cancellationToken);
        var facts = await FactsAsync(db, request, cancellationToken);
        var decision = await DecideAsync(db, rules, facts, request.Id, cursors.ToDictionary(c => c.RuleId, c => c.LastUserId), cancellationToken);
        return (decision, cursors);
    }

    /// <summary>
    /// The decision for a request with <paramref name="facts"/>, without assigning anything. Open requests are counted besides
    /// <paramref name="requestId"/> itself; <paramref name="cursors"/> hold each round-robin rule's last choice.
    /// </summary>
    public async Task<AssignmentDecision> DecideAsync(IDispatchDb db, IReadOnlyList<AssignmentRule> rules, RequestFacts facts, Guid? requestId,
        IReadOnlyDictionary<Guid, string> cursors, CancellationToken cancellationToken)
    {
        var engineers = await staff.InRoleAsync(Roles.Engineer, cancellationToken);
        var active = engineers.ToDictionary(e => e.UserId, StringComparer.Ordinal);
        var gone = rules.Where(r => r.Pool == CandidatePool.Named).SelectMany(r => r.EngineerIds).Where(id => !active.ContainsKey(id)).Distinct().ToList();
        var goneNames = gone.Count == 0 ? [] : (await staff.ContactsAsync(gone, cancellationToken)).ToDictionary(c => c.UserId, c => c.Name, StringComparer.Ordinal);
        var profiles = await db.EngineerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, StringComparer.Ordinal, cancellationToken);
        var work = await OpenWork.ReadAsync(db.ServiceRequests, active.Keys.ToList(), requestId, cancellationToken);
        var today = Today;

        Candidate Of(string userId) => active.TryGetValue(userId, out var engineer)
            ? new Candidate(userId, engineer.Name, true, profiles.GetValueOrDefault(userId), work.GetValueOrDefault(userId) ?? OpenWork.None)
            : new Candidate(userId, goneNames.GetValueOrDefault(userId) ?? userId, false, null, OpenWork.None);

        var verdicts = new List<RuleVerdict>();
        AssignmentRule? chosenRule = null;
        Candidate? chosen = null;
        foreach (var rule in rules)
        {
            if (chosen is not null)
            {
                verdicts.Add(new RuleVerdict(rule.Id, rule.Name, RuleOutcome.NotReached, []));
                continue;
            }

            if (rule.Mismatch(facts) is { } mismatch)
            {
                verdicts.Add(new RuleVerdict(rule.Id, rule.Name, mismatch, []));
                continue;
            }

            var pool = rule.Pool == CandidatePool.Named ? rule.EngineerIds.Select(Of).ToList() : engineers.Select(e => Of(e.UserId)).ToList();
            var (pick, engineerVerdicts) = EngineerChoice.Choose(rule, pool, facts, today, cursors.GetValueOrDefault(rule.Id));
            if (pick is not null)
            {
                (chosenRule, chosen) = (rule, pick);
            }

            verdicts.Add(new RuleVerdict(rule.Id, rule.Name, pick is null ? RuleOutcome.NoEngineerAvailable : RuleOutcome.Chosen, engineerVerdicts));
        }

        return new AssignmentDecision(chosenRule, chosen is null ? null : active[chosen.UserId], verdicts);
    }

    /// <summary>
    /// Moves a round-robin rule's place to <paramref name="userId"/> in <paramref name="db"/>'s unit of work. The cursor was read
    /// tracked before deciding, so its stamp makes a second assignment that decided from the same place fail instead of repeating it.
    /// </summary>
    public static void TakeTurn(IDispatchDb db, IReadOnlyList<AssignmentCursor> loaded, AssignmentRule rule, string userId)
    {
        if (rule.Strategy != AssignmentStrategy.RoundRobin)
        {
            return;
        }

        if (loaded.FirstOrDefault(c => c.RuleId == rule.Id) is { } cursor)
        {
            cursor.LastUserId = userId;
            cursor.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
        else
        {
            db.AssignmentCursors.Add(new AssignmentCursor { RuleId = rule.Id, LastUserId = userId });
        }
    }
}

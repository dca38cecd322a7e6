namespace AfterSales.Modules.Dispatch;

/// <summary>An engineer a rule may choose, with what the choice weighs.</summary>
/// <param name="CanSignIn">False for a named engineer who was deactivated or lost the engineer role.</param>
/// <param name="Profile">Null: no limits (any request, any day, any number).</param>
public sealed record Candidate(string UserId, string Name, bool CanSignIn, EngineerProfile? Profile, OpenWork Work);

/// <summary>What a rule made of one engineer of its pool, with the load it saw.</summary>
/// <param name="DayLoad">Open requests on the request's visit day.</param>
/// <param name="Capacity">The engineer's capacity per day; null without a profile.</param>
public sealed record EngineerVerdict(string UserId, string Name, EngineerOutcome Outcome, int Open, int DayLoad, int? Capacity);

public enum EngineerOutcome
{
    Chosen,
    CannotSignIn,
    LacksServiceType,
    LacksCategory,
    OutsideRegion,
    DayOff,
    Full,

    /// <summary>Least load: another engineer holds fewer open requests.</summary>
    MoreLoad,

    /// <summary>Round robin: another engineer comes first after the rule's last choice.</summary>
    NotTheirTurn,
}

/// <summary>
/// How one rule picks from its pool: engineers who cannot take the request (skills and regions for a skill-based pool; working
/// day and capacity for everyone with a profile) are left out, then round robin takes the next after the last choice and least
/// load the one holding the fewest open requests (ties by the pool's order).
/// </summary>
public static class EngineerChoice
{
    public static (Candidate? Chosen, IReadOnlyList<EngineerVerdict> Verdicts) Choose(
        AssignmentRule rule, IReadOnlyList<Candidate> pool, RequestFacts facts, DateOnly today, string? lastUserId)
    {
        var day = facts.VisitDay(today);
        var barred = pool.ToDictionary(c => c.UserId, c => Bar(rule.Pool, c, facts, day, today), StringComparer.Ordinal);
        var eligible = pool.Where(c => barred[c.UserId] is null).ToList();
        var chosen = rule.Strategy == AssignmentStrategy.RoundRobin ? NextAfter(eligible, pool, lastUserId) : Lightest(eligible);
        var others = rule.Strategy == AssignmentStrategy.RoundRobin ? EngineerOutcome.NotTheirTurn : EngineerOutcome.MoreLoad;
        var verdicts = pool.Select(c => new EngineerVerdict(c.UserId, c.Name, c == chosen ? EngineerOutcome.Chosen : barred[c.UserId] ?? others,
            c.Work.Open, c.Work.On(day, today), c.Profile?.CapacityPerDay)).ToList();
        return (chosen, verdicts);
    }

    private static EngineerOutcome? Bar(CandidatePool kind, Candidate candidate, RequestFacts facts, DateOnly day, DateOnly today) =>
        !candidate.CanSignIn ? EngineerOutcome.CannotSignIn
        : candidate.Profile is not { } profile ? null
        : kind == CandidatePool.Skilled && profile.Lacks(facts) is { } lack ? lack
        : !profile.WorksOn(day) ? EngineerOutcome.DayOff
        : candidate.Work.On(day, today) >= profile.CapacityPerDay ? EngineerOutcome.Full
        : null;

    private static Candidate? NextAfter(List<Candidate> eligible, IReadOnlyList<Candidate> pool, string? lastUserId)
    {
        var last = lastUserId is null ? -1 : pool.ToList().FindIndex(c => c.UserId == lastUserId);
        return pool.Skip(last + 1).Concat(pool.Take(last + 1)).FirstOrDefault(eligible.Contains);
    }

    private static Candidate? Lightest(List<Candidate> eligible) => eligible.OrderBy(c => c.Work.Open).FirstOrDefault();
}

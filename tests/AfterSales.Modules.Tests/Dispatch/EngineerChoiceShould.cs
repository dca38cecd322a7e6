using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Service;

namespace AfterSales.Modules.Tests.Dispatch;

/// <summary>How a rule picks from its pool: round robin's turns, least load, and the engineers capacity, working days and skills leave out.</summary>
public sealed class EngineerChoiceShould
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Guid OnSite = Guid.NewGuid();
    private static readonly Guid Remote = Guid.NewGuid();
    private static readonly Guid Heaters = Guid.NewGuid();
    private static readonly RequestFacts Request = new(OnSite, RequestPriority.Normal, "华东", Heaters);

    [Fact]
    public void GiveEachEngineerTheirTurnInTheRulesOrder()
    {
        var rule = new AssignmentRule { Strategy = AssignmentStrategy.RoundRobin };
        var pool = new[] { Free("a"), Free("b"), Free("c") };
        string? last = null;
        var turns = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            last = AssignmentChosen(rule, pool, Request, last);
            turns.Add(last!);
        }

        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], turns);
    }

    [Fact]
    public void SkipAnEngineerWhoCannotTakeTheRequestWithoutLosingTheOrder()
    {
        var rule = new AssignmentRule { Strategy = AssignmentStrategy.RoundRobin };
        var full = new Candidate("b", "b", true, Profile(capacity: 1), Work(Today));
        var pool = new[] { Free("a"), full, Free("c") };

        var (chosen, verdicts) = EngineerChoice.Choose(rule, pool, Request, Today, lastUserId: "a");
        var afterLast = AssignmentChosen(rule, pool, Request, "c");
        var lastGone = AssignmentChosen(rule, pool, Request, "someone-removed");

        Assert.Equal("c", chosen!.UserId);
        Assert.Equal([EngineerOutcome.NotTheirTurn, EngineerOutcome.Full, EngineerOutcome.Chosen], verdicts.Select(v => v.Outcome));
        Assert.Equal("a", afterLast);
        Assert.Equal("a", lastGone);
    }

    [Fact]
    public void ChooseTheEngineerHoldingTheFewestOpenRequestsAndBreakTiesByThePoolsOrder()
    {
        var rule = new AssignmentRule { Strategy = AssignmentStrategy.LeastLoad };
        var busy = new Candidate("busy", "Busy", true, null, Work(null, null, null));
        var light = new Candidate("light", "Light", true, null, Work([null]));
        var alsoLight = new Candidate("also", "Also light", true, null, Work(Today.AddDays(5)));

        var (chosen, verdicts) = EngineerChoice.Choose(rule, [busy, light, alsoLight], Request, Today, null);

        Assert.Equal("light", chosen!.UserId);
        Assert.Equal([EngineerOutcome.MoreLoad, EngineerOutcome.Chosen, EngineerOutcome.MoreLoad], verdicts.Select(v => v.Outcome));
        Assert.Equal([3, 1, 1], verdicts.Select(v => v.Open));
    }

    [Fact]
    public void LeaveOutEngineersWhoAreFullOrOffOnTheVisitDay()
    {
        var rule = new AssignmentRule { Strategy = AssignmentStrategy.LeastLoad };
        // Two visits today against a capacity of two; a Saturday visit for someone working Monday to Friday.
        var fullToday = new Candidate("full", "Full", true, Profile(capacity: 2), Work(null, Today.AddDays(-1)));
        var weekdays = new Candidate("weekdays", "Weekdays", true, Profile(capacity: 9), Work());
        var saturday = Request with { RequestedDate = new DateOnly(2026, 11, 28) };
        var later = Request with { RequestedDate = Today.AddDays(1) };

        var today = EngineerChoice.Choose(rule, [fullToday, weekdays], Request, Today, null);
        var onSaturday = EngineerChoice.Choose(rule, [fullToday, weekdays], saturday, Today, null);
        var tomorrow = EngineerChoice.Choose(rule, [fullToday], later, Today, null);

        Assert.Equal("weekdays", today.Chosen!.UserId);
        Assert.Equal(EngineerOutcome.Full, today.Verdicts[0].Outcome);
        Assert.Null(onSaturday.Chosen);
        Assert.Equal([EngineerOutcome.DayOff, EngineerOutcome.DayOff], onSaturday.Verdicts.Select(v => v.Outcome));
        // Tomorrow's visits are counted against tomorrow: today's two do not fill it.
        Assert.Equal("full", tomorrow.Chosen!.UserId);
        Assert.Equal(0, tomorrow.Verdicts[0].DayLoad);
    }

    [Fact]
    public void MatchSkillsAndRegionsOnlyForASkillBasedPool()
    {
        var skilled = new AssignmentRule { Pool = CandidatePool.Skilled };
        var named = new AssignmentRule { Pool = CandidatePool.Named };
        var remoteOnly = new Candidate("remote", "Remote", true, Profile(types: [Remote]), Work());
        var north = new Candidate("north", "North", true, Profile(regions: ["华北"]), Work());
        var other = new Candidate("other", "Other", true, Profile(categories: [Guid.NewGuid()]), Work());
        var anyone = new Candidate("anyone", "Anyone", true, null, Work(null, null));
        var gone = new Candidate("gone", "Gone", false, null, Work());

        var bySkill = EngineerChoice.Choose(skilled, [remoteOnly, north, other, gone, anyone], Request, Today, null);
        var byName = EngineerChoice.Choose(named, [remoteOnly, gone], Request, Today, null);

        Assert.Equal("anyone", bySkill.Chosen!.UserId);
        Assert.Equal(
            [EngineerOutcome.LacksServiceType, EngineerOutcome.OutsideRegion, EngineerOutcome.LacksCategory, EngineerOutcome.CannotSignIn, EngineerOutcome.Chosen],
            bySkill.Verdicts.Select(v => v.Outcome));
        Assert.Equal("remote", byName.Chosen!.UserId);
    }

    [Fact]
    public void CountTodaysVisitsWithTheUndatedAndOverdueOnesAndTheWeekUpToSunday()
    {
        var work = Work(null, Today.AddDays(-3), Today, Today.AddDays(1), Today.AddDays(4), Today.AddDays(5));
        var engineer = new EngineerRow("e", "E", null, Profile(capacity: 2), work);
        var unlimited = engineer with { Profile = null };

        Assert.Equal(6, work.Open);
        Assert.Equal(3, work.On(Today, Today));
        Assert.Equal(1, work.On(Today.AddDays(1), Today));
        // Wednesday to Sunday: five days, Monday to Friday working, so three working days of two.
        Assert.Equal(new Load(5, 6), engineer.RestOfWeek(Today));
        Assert.Equal(new Load(3, 2), engineer.Today(Today));
        Assert.True(engineer.Today(Today).IsFull);
        // Sunday is a day off: no capacity, so any visit fills it.
        Assert.Equal(0, engineer.Today(new DateOnly(2026, 11, 29)).Capacity);
        Assert.True(engineer.Today(new DateOnly(2026, 11, 29)).IsFull);
        Assert.Equal(new Load(3, null), unlimited.Today(Today));
        Assert.False(unlimited.Today(Today).IsFull);
    }

    private static string? AssignmentChosen(AssignmentRule rule, IReadOnlyList<Candidate> pool, RequestFacts facts, string? last) =>
        EngineerChoice.Choose(rule, pool, facts, Today, last).Chosen?.UserId;

    private static Candidate Free(string id) => new(id, id, true, Profile(), Work());

    private static OpenWork Work(params DateOnly?[] requestedDates) => new(requestedDates);

    private static EngineerProfile Profile(int capacity = 5, List<Guid>? types = null, List<Guid>? categories = null, List<string>? regions = null) => new()
    {
        CapacityPerDay = capacity, ServiceTypeIds = types ?? [], CategoryIds = categories ?? [], Regions = regions ?? [],
    };
}

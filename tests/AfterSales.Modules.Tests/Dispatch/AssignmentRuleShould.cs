using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Service;

namespace AfterSales.Modules.Tests.Dispatch;

/// <summary>What a rule takes: each condition an any-of list, an empty one matching any request.</summary>
public sealed class AssignmentRuleShould
{
    private static readonly Guid OnSite = Guid.NewGuid();
    private static readonly Guid Remote = Guid.NewGuid();
    private static readonly Guid AirConditioners = Guid.NewGuid();

    [Fact]
    public void TakeAnyRequestWhenItHasNoConditions() =>
        Assert.Null(new AssignmentRule().Mismatch(new RequestFacts(Remote, RequestPriority.Low, null, null)));

    [Fact]
    public void NameTheFirstConditionARequestFails()
    {
        var rule = new AssignmentRule
        {
            ServiceTypeIds = [OnSite], Priorities = [RequestPriority.High, RequestPriority.Urgent], Regions = ["华东", "上海"], CategoryIds = [AirConditioners],
        };

        Assert.Null(rule.Mismatch(new RequestFacts(OnSite, RequestPriority.Urgent, "上海", AirConditioners)));
        Assert.Equal(RuleOutcome.TypeDiffers, rule.Mismatch(new RequestFacts(Remote, RequestPriority.Urgent, "上海", AirConditioners)));
        Assert.Equal(RuleOutcome.PriorityDiffers, rule.Mismatch(new RequestFacts(OnSite, RequestPriority.Normal, "上海", AirConditioners)));
        Assert.Equal(RuleOutcome.RegionDiffers, rule.Mismatch(new RequestFacts(OnSite, RequestPriority.High, "华北", AirConditioners)));
        Assert.Equal(RuleOutcome.RegionDiffers, rule.Mismatch(new RequestFacts(OnSite, RequestPriority.High, null, AirConditioners)));
        // A request without a unit has no category: a rule for air conditioners does not take it.
        Assert.Equal(RuleOutcome.CategoryDiffers, rule.Mismatch(new RequestFacts(OnSite, RequestPriority.High, "华东", null)));
        Assert.Equal(RuleOutcome.Disabled, new AssignmentRule { IsEnabled = false }.Mismatch(new RequestFacts(OnSite, RequestPriority.High, "华东", null)));
    }

    [Fact]
    public void MatchRegionsRegardlessOfCase() =>
        Assert.Null(new AssignmentRule { Regions = ["East"] }.Mismatch(new RequestFacts(OnSite, RequestPriority.Normal, "east", null)));

    [Fact]
    public void BelongToTheRuleSetAWorkflowNamesOrToAllWhenItNamesNone()
    {
        var field = new AssignmentRule { RuleSet = "Field" };
        var unset = new AssignmentRule();

        Assert.True(field.BelongsTo(null));
        Assert.True(field.BelongsTo(" field "));
        Assert.False(field.BelongsTo("desk"));
        Assert.True(unset.BelongsTo(""));
        Assert.False(unset.BelongsTo("field"));
    }
}

using AfterSales.Modules.Workflow.Designer;
using AfterSales.Workflows.Conditions;
using AfterSales.Workflows.Defaults;

namespace AfterSales.Modules.Tests.Workflow;

public sealed class SampleInputShould
{
    private static readonly DesignerField[] Fields = [new("assigneeId", new("处理人", "Assignee")), new("amount", new("金额", "Amount"), IsCustom: true)];

    [Fact]
    public void ReadTypedTextAsAFormStoresIt()
    {
        Assert.Equal(true, SampleInput.Read("true"));
        Assert.Equal(12.5, SampleInput.Read(" 12.5 "));
        Assert.Equal("2026-03-01", SampleInput.Read("2026-03-01"));
        Assert.Null(SampleInput.Read("  "));
    }

    [Fact]
    public void PutCustomFieldsWhereConditionsLookForThem()
    {
        var request = SampleInput.Request(new Dictionary<string, string?> { ["assigneeId"] = "eng-1", ["amount"] = "1500", ["requestedDate"] = "2026-03-01" }, Fields);

        Assert.Equal("eng-1", request.AssigneeId);
        Assert.Equal(1500.0, request.CustomFields["amount"]);
        Assert.Equal("2026-03-01", request.Fields["requestedDate"]);
    }

    [Theory]
    [InlineData("request.custom.amount > 1000 && user.roles.includes('Manager')", ConditionOutcome.True)]
    [InlineData("attempts.visit + 1 >= 2", ConditionOutcome.False)]
    [InlineData("vars.managerReleased !== true", ConditionOutcome.True)]
    [InlineData("request.custom.amount >", ConditionOutcome.Failed)]
    public void GiveTheConditionTestTheScopeTheEngineWouldGive(string condition, ConditionOutcome expected)
    {
        var request = SampleInput.Request(new Dictionary<string, string?> { ["amount"] = "1500" }, Fields);
        var scope = SampleInput.Scope(DefaultWorkflows.OnSite(), "Assigned", request, SampleInput.Actor([WorkflowRoles.Manager], request), new Dictionary<string, int>(), DateTimeOffset.UnixEpoch);

        Assert.Equal(expected, ConditionEvaluator.Default.Evaluate(condition, scope).Outcome);
    }

    [Fact]
    public void CountTheSampleUserAsAssigneeOnlyWhileSomeoneIsAssigned()
    {
        var unassigned = SampleInput.Request(new Dictionary<string, string?>(), Fields);
        var assigned = SampleInput.Request(new Dictionary<string, string?> { ["assigneeId"] = "eng-1" }, Fields);

        Assert.Equal(SampleInput.UserId, SampleInput.Actor(["$assignee"], unassigned).UserId);
        Assert.Equal("eng-1", SampleInput.Actor(["$assignee", WorkflowRoles.Engineer], assigned).UserId);
        Assert.DoesNotContain("$assignee", SampleInput.Actor(["$assignee"], assigned).Roles);
    }
}

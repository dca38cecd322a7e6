using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Versioning;

namespace AfterSales.Workflows.Tests;

public sealed class DefinitionDiffShould
{
    private readonly WorkflowDefinition v1 = DefaultWorkflows.OnSite();

    [Fact]
    public void FindNothingBetweenEqualVersions()
    {
        Assert.Empty(DefinitionDiff.Between(v1, DefaultWorkflows.OnSite() with { Version = 2 }));
    }

    [Fact]
    public void IgnoreMovedBoxes()
    {
        var moved = v1 with { Statuses = [.. v1.Statuses.Select(s => s with { Position = new(1, 1) })] };

        Assert.Empty(DefinitionDiff.Between(v1, moved));
    }

    [Fact]
    public void ListStatusChanges()
    {
        var v2 = v1 with
        {
            Statuses =
            [
                .. v1.Statuses.Where(s => s.Key != "OnHold").Select(s => s.Key switch
                {
                    "Processed" => s with { Name = new("已解决", "Resolved") },
                    "Locked" => s with { Category = StatusCategory.Waiting, Color = "#000000" },
                    "Closed" => s with { EntryActions = [new CallWebhookAction { Url = "https://erp.example/closed" }] },
                    _ => s,
                }),
                new() { Key = "Escalated", Name = new("已升级", "Escalated"), Category = StatusCategory.InProgress },
            ],
        };

        var changes = DefinitionDiff.Between(v1, v2).Where(c => c.Element == Validation.DefinitionElement.Status)
            .Select(c => (c.Kind, c.ElementKey)).ToList();

        Assert.Equal(
            [
                (ChangeKind.StatusRemoved, "OnHold"), (ChangeKind.StatusRenamed, "Processed"), (ChangeKind.StatusActionsChanged, "Closed"),
                (ChangeKind.StatusRecategorised, "Locked"), (ChangeKind.StatusColorChanged, "Locked"), (ChangeKind.StatusAdded, "Escalated"),
            ],
            changes);
        var renamed = DefinitionDiff.Between(v1, v2).Single(c => c.Kind == ChangeKind.StatusRenamed);
        Assert.Equal(("已处理 / Processed", "已解决 / Resolved"), (renamed.Before, renamed.After));
    }

    [Fact]
    public void ListTransitionChanges()
    {
        var v2 = v1 with
        {
            Transitions =
            [
                .. v1.Transitions.Where(t => t.Key != "Unlock").Select(t => t.Key switch
                {
                    "Assign" => t with { Roles = [WorkflowRoles.Dispatcher], RequiredFields = ["assigneeId", "visitDate"] },
                    "Fail" => t with { Condition = "attempts.visit + 1 < 3" },
                    "Process" => t with { Actions = [new NotifyAction { Recipients = [Recipient.Customer], Template = "done" }] },
                    "Close" => t with { From = ["ReturnVisit"], Label = new("关闭", "Close") },
                    _ => t,
                }),
                new() { Key = "Escalate", From = ["Assigned"], To = "Locked", Label = new("升级", "Escalate"), Roles = [WorkflowRoles.Manager] },
            ],
        };

        var changes = DefinitionDiff.Between(v1, v2).Select(c => (c.Kind, c.ElementKey)).ToList();

        Assert.Equal(
            [
                (ChangeKind.TransitionRemoved, "Unlock"), (ChangeKind.TransitionRolesChanged, "Assign"), (ChangeKind.TransitionRequiredFieldsChanged, "Assign"),
                (ChangeKind.TransitionActionsChanged, "Process"), (ChangeKind.TransitionConditionChanged, "Fail"),
                (ChangeKind.TransitionRenamed, "Close"), (ChangeKind.TransitionRouteChanged, "Close"), (ChangeKind.TransitionAdded, "Escalate"),
            ],
            changes);
        var roles = DefinitionDiff.Between(v1, v2).Single(c => c.Kind == ChangeKind.TransitionRolesChanged);
        Assert.Equal(("Agent, Dispatcher, Manager, TenantAdmin", "Dispatcher"), (roles.Before, roles.After));
    }

    [Fact]
    public void ListTimerVariableAndSlaChanges()
    {
        var v2 = v1 with
        {
            Timers = [.. v1.Timers.Where(t => t.Key != "resolutionBreached").Select(t => t.Key == "returnVisitDue" ? t with { Due = TimerDue.After(TimeSpan.FromDays(5)) } : t),
                new() { Key = "nudge", Status = "Assigned", Due = TimerDue.After(TimeSpan.FromHours(8)), Actions = [new NotifyAction { Recipients = [Recipient.Assignee], Template = "nudge" }] }],
            Variables = [v1.Variables[0] with { Default = "true" }, new() { Key = "vip", Type = VariableType.Boolean }],
            SlaClocks = v1.SlaClocks.Take(2).ToList(),
        };

        var changes = DefinitionDiff.Between(v1, v2).Select(c => (c.Kind, c.ElementKey)).ToList();

        Assert.Equal(
            [
                (ChangeKind.TimerRemoved, "resolutionBreached"), (ChangeKind.TimerChanged, "returnVisitDue"), (ChangeKind.TimerAdded, "nudge"),
                (ChangeKind.VariableRemoved, "escalated"), (ChangeKind.VariableChanged, "managerReleased"), (ChangeKind.VariableAdded, "vip"),
                (ChangeKind.SlaClocksChanged, null),
            ],
            changes);
        Assert.Contains("P5D", DefinitionDiff.Between(v1, v2).Single(c => c.Kind == ChangeKind.TimerChanged).After);
    }

    [Fact]
    public void NoticeANewStartStatusAndName()
    {
        var v2 = v1 with
        {
            Name = new("上门", "On-site"),
            Statuses = [.. v1.Statuses.Select(s => s with { IsStart = s.Key == "OnHold" })],
        };

        var changes = DefinitionDiff.Between(v1, v2);

        Assert.Equal([ChangeKind.DefinitionRenamed, ChangeKind.StartStatusChanged], changes.Select(c => c.Kind));
        Assert.Equal(("WaitingForAssignment", "OnHold"), (changes[1].Before, changes[1].After));
    }
}

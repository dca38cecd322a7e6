using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Sla;
using static AfterSales.Workflows.Defaults.WorkflowRoles;

namespace AfterSales.Workflows.Defaults;

/// <summary>
/// The pieces of the closed loop of seed 001 that the default workflows share, so each service type only states
/// how it differs.
/// </summary>
internal static class ServiceLoop
{
    public const string VisitCounter = "visit";
    public const int AttemptsBeforeLock = 2;

    public static StatusDefinition Status(string key, string zh, string en, StatusCategory category, string color, double x, double y, bool isStart = false) =>
        new() { Key = key, Name = new(zh, en), Category = category, Color = color, Position = new(x, y), IsStart = isStart };

    public static TransitionDefinition Transition(string key, string[] from, string to, string zh, string en, IReadOnlyList<string> roles, params string[] requiredFields) =>
        new() { Key = key, From = from, To = to, Label = new(zh, en), Roles = roles, RequiredFields = requiredFields };

    public static StatusDefinition Waiting(double x = 80, double y = 200) => Status("WaitingForAssignment", "等待分配", "Waiting for assignment", StatusCategory.New, "#1e88e5", x, y, isStart: true);

    public static StatusDefinition OnHold() => Status("OnHold", "挂起", "On hold", StatusCategory.Waiting, "#757575", 80, 40);

    public static StatusDefinition Assigned(string zh = "已分配", string en = "Assigned") => Status("Assigned", zh, en, StatusCategory.InProgress, "#fb8c00", 320, 200);

    public static StatusDefinition Processed(string zh = "已处理", string en = "Processed") => Status("Processed", zh, en, StatusCategory.InProgress, "#43a047", 560, 200);

    public static StatusDefinition ReturnVisit(double x = 800) => Status("ReturnVisit", "回访", "Return visit", StatusCategory.InProgress, "#8e24aa", x, 200);

    public static StatusDefinition Closed(double x = 1040) => Status("Closed", "已关闭", "Closed", StatusCategory.Done, "#2e7d32", x, 200);

    public static StatusDefinition Locked() => Status("Locked", "锁定", "Locked", StatusCategory.InProgress, "#c62828", 320, 400) with
    {
        EntryActions = [new NotifyAction { Recipients = [Recipient.OfRole(Manager)], Template = "request.locked" }],
    };

    public static StatusDefinition Cancelled() => Status("Cancelled", "已取消", "Cancelled", StatusCategory.Done, "#9e9e9e", 560, 400);

    public static TransitionDefinition Assign(string[] from, string zh = "分配", string en = "Assign", params string[] extraFields) =>
        Transition("Assign", from, "Assigned", zh, en, ServiceDesk, ["assigneeId", .. extraFields]) with { Actions = AssignActions };

    public static TransitionDefinition ManagerAssign() =>
        Transition("ManagerAssign", ["Locked"], "Assigned", "经理分配", "Assign (manager)", Managers, "assigneeId") with { Actions = AssignActions };

    public static TransitionDefinition Hold(string[] from) => Transition("Hold", from, "OnHold", "挂起", "Put on hold", ServiceDesk);

    public static TransitionDefinition Resume() => Transition("Resume", ["OnHold"], "WaitingForAssignment", "恢复", "Resume", ServiceDesk);

    /// <summary>"Not solved": back to assignment the first time, locked for the manager the second (two transitions, one visible at a time).</summary>
    public static IEnumerable<TransitionDefinition> NotSolved()
    {
        TransitionDefinition Fail(string key, string to, string op, IReadOnlyList<WorkflowAction> actions) =>
            Transition(key, ["Assigned"], to, "未解决", "Not solved", AssigneeOrDesk) with
            {
                Condition = $"attempts.{VisitCounter} + 1 {op} {AttemptsBeforeLock}",
                CountsAttempt = VisitCounter,
                Actions = [Unassign, .. actions],
            };

        yield return Fail("Fail", "WaitingForAssignment", "<", [new NotifyAction { Recipients = [Recipient.OfRole(Dispatcher)], Template = "request.returnedToAssignment" }]);
        yield return Fail("FailAndLock", "Locked", ">=", [new LockForManagerAction { Reason = "attemptsExhausted" }]);
    }

    public static TransitionDefinition StartReturnVisit(string from) =>
        Transition("StartReturnVisit", [from], "ReturnVisit", "开始回访", "Start return visit", ServiceDesk) with
        {
            Actions = [new CreateReturnVisitAction()],
        };

    public static TransitionDefinition Close(params string[] from) => Transition("Close", from, "Closed", "关闭（客户满意）", "Close (customer satisfied)", ServiceDesk);

    public static TransitionDefinition Reopen(string from = "ReturnVisit") =>
        Transition("Reopen", [from], "WaitingForAssignment", "重新分配（客户不满意）", "Reopen (customer not satisfied)", ServiceDesk) with { Actions = [Unassign] };

    public static TransitionDefinition Unlock() =>
        Transition("Unlock", ["Locked"], "WaitingForAssignment", "解锁", "Unlock", Managers) with
        {
            Actions = [Unassign, new SetVariableAction { Variable = "managerReleased", Value = "true" }],
        };

    public static TransitionDefinition Cancel(params string[] from) => Transition("Cancel", from, "Cancelled", "取消", "Cancel", ServiceDesk);

    /// <summary>Fired by <see cref="RequestedDateTimer"/>; a manager's unlock releases the request from it.</summary>
    public static TransitionDefinition LockMissedDate() =>
        Transition("LockMissedDate", ["WaitingForAssignment"], "Locked", "错过期望日期，锁定", "Lock: requested date missed", []) with
        {
            Trigger = TransitionTrigger.Automatic,
            Condition = "vars.managerReleased !== true",
            Actions = [new LockForManagerAction { Reason = "missedRequestedDate" }],
        };

    public static TimerDefinition RequestedDateTimer() => new()
    {
        Key = "requestedDateMissed",
        Name = new("期望日期未分配", "Not assigned by the requested date"),
        Status = "WaitingForAssignment",
        Due = TimerDue.AtField("requestedDate"),
        Transition = "LockMissedDate",
    };

    public static TransitionDefinition ReturnVisitDue() =>
        Transition("ReturnVisitDue", ["Processed"], "ReturnVisit", "回访到期", "Return visit due", []) with
        {
            Trigger = TransitionTrigger.Automatic,
            Actions = [new CreateReturnVisitAction(), new NotifyAction { Recipients = [Recipient.OfRole(Agent)], Template = "request.returnVisitDue" }],
        };

    public static TimerDefinition ReturnVisitTimer() => new()
    {
        Key = "returnVisitDue",
        Name = new("处理后三天回访", "Return visit three days after processing"),
        Status = "Processed",
        Due = TimerDue.After(TimeSpan.FromDays(3)),
        Transition = "ReturnVisitDue",
    };

    public static IEnumerable<TimerDefinition> SlaTimers()
    {
        TimerDefinition Breach(string key, SlaClockKind clock, string zh, string en) => new()
        {
            Key = key,
            Name = new(zh, en),
            StartsOn = TimerStart.InstanceStarted,
            Due = TimerDue.AtSla(clock),
            Actions =
            [
                new SetVariableAction { Variable = "escalated", Value = "true" },
                new NotifyAction { Recipients = [Recipient.OfRole(Manager), Recipient.OfRole(Dispatcher)], Template = $"sla.{key}" },
            ],
        };

        yield return Breach("firstResponseBreached", SlaClockKind.FirstResponse, "首次响应超时升级", "Escalate: first response SLA breached");
        yield return Breach("assignmentBreached", SlaClockKind.Assignment, "分配超时升级", "Escalate: assignment SLA breached");
        yield return Breach("resolutionBreached", SlaClockKind.Resolution, "解决超时升级", "Escalate: resolution SLA breached");
    }

    public static IReadOnlyList<SlaClockDefinition> SlaClocks(string[] responded, string[] resolved) =>
    [
        new() { Clock = SlaClockKind.FirstResponse, StopsIn = responded },
        new() { Clock = SlaClockKind.Assignment, StopsIn = ["Assigned"] },
        new() { Clock = SlaClockKind.Resolution, StopsIn = resolved },
    ];

    public static IReadOnlyList<VariableDefinition> Variables { get; } =
    [
        new() { Key = "managerReleased", Type = VariableType.Boolean, Default = "false" },
        new() { Key = "escalated", Type = VariableType.Boolean, Default = "false" },
    ];

    private static WorkflowAction Unassign { get; } = new SetFieldAction { Field = "assigneeId" };

    private static IReadOnlyList<WorkflowAction> AssignActions { get; } =
    [
        new AssignAction { To = AssigneeSource.FormField, Value = "assigneeId" },
        new NotifyAction { Recipients = [Recipient.Assignee], Template = "request.assigned" },
    ];
}

using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Workflows.Tests;

/// <summary>Actors, requests and small definitions shared by the tests.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Monday9 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static FakeTimeProvider Clock(DateTimeOffset? start = null) => new(start ?? Monday9);

    public static WorkflowActor Dispatcher { get; } = WorkflowActor.User("disp-1", "Dana", WorkflowRoles.Dispatcher);

    public static WorkflowActor Manager { get; } = WorkflowActor.User("mgr-1", "Mo", WorkflowRoles.Manager);

    public static WorkflowActor Engineer { get; } = WorkflowActor.User("eng-1", "Eli", WorkflowRoles.Engineer);

    public static WorkflowActor OtherEngineer { get; } = WorkflowActor.User("eng-2", "Eva", WorkflowRoles.Engineer);

    public static RequestSnapshot Request(string? assigneeId = null, DateOnly? requestedDate = null, string priority = "Normal", string serviceType = "ONSITE") => new()
    {
        Id = "SR-1",
        ServiceType = serviceType,
        Priority = priority,
        AssigneeId = assigneeId,
        Fields = requestedDate is { } date ? new Dictionary<string, object?> { ["requestedDate"] = date } : new Dictionary<string, object?>(),
    };

    public static WorkflowContext As(WorkflowActor actor, RequestSnapshot? request = null) => WorkflowContext.For(actor, request ?? Request());

    public static Dictionary<string, object?> Form(params (string Key, object? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    /// <summary>Open → Doing → Done, with actions on every step so their order can be read back.</summary>
    public static WorkflowDefinition Tiny(string? condition = null, TransitionTrigger trigger = TransitionTrigger.Manual) => new()
    {
        Key = "TINY",
        Version = 1,
        State = DefinitionState.Published,
        Name = new("小", "Tiny"),
        Variables = [new() { Key = "tier", Type = VariableType.Number, Default = "1" }],
        Statuses =
        [
            new() { Key = "Open", Name = new("打开", "Open"), Category = StatusCategory.New, IsStart = true, ExitActions = [Comment("exit Open")] },
            new() { Key = "Doing", Name = new("进行", "Doing"), Category = StatusCategory.InProgress, EntryActions = [Comment("enter Doing")] },
            new() { Key = "Done", Name = new("完成", "Done"), Category = StatusCategory.Done },
        ],
        Transitions =
        [
            new()
            {
                Key = "Start", From = ["Open"], To = "Doing", Label = new("开始", "Start"), Roles = [WorkflowRoles.Dispatcher],
                Condition = condition, Trigger = trigger, Actions = [Comment("transition Start"), new SetVariableAction { Variable = "tier", FromFormField = "tier" }],
            },
            new() { Key = "Finish", From = ["Doing"], To = "Done", Label = new("完成", "Finish"), Roles = [WorkflowRoles.Dispatcher, TransitionDefinition.AssigneeRole] },
        ],
    };

    public static AddCommentAction Comment(string text) => new() { Text = new(text, text) };

    public static string CommentText(this ActionStep step) => ((AddCommentAction)step.Action).Text!.En;
}

using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Validation;

/// <summary>The actions of statuses, transitions and timers: references and required parameters.</summary>
internal static class ActionRules
{
    public static void Check(ValidationRun run)
    {
        var d = run.Definition;
        var owners = d.Statuses.SelectMany(s => s.EntryActions.Concat(s.ExitActions).Select(a => (a, DefinitionElement.Status, s.Key)))
            .Concat(d.Transitions.SelectMany(t => t.Actions.Select(a => (a, DefinitionElement.Transition, t.Key))))
            .Concat(d.Timers.SelectMany(t => t.Actions.Select(a => (a, DefinitionElement.Timer, t.Key))));
        foreach (var (action, element, key) in owners)
        {
            Check(run, action, element, key);
        }
    }

    private static void Check(ValidationRun run, WorkflowAction action, DefinitionElement element, string key)
    {
        switch (action)
        {
            case StartTimerAction { Timer: var started } when run.Definition.FindTimer(started) is null:
                UnknownTimer(run, element, key, started);
                break;
            case CancelTimerAction { Timer: var cancelled } when run.Definition.FindTimer(cancelled) is null:
                UnknownTimer(run, element, key, cancelled);
                break;
            case SetVariableAction { Variable: var variable } when run.Definition.FindVariable(variable) is null:
                run.Add(ValidationCodes.UnknownVariable, element, key, $"'{key}' sets unknown variable '{variable}'.", $"“{key}”设置了不存在的变量“{variable}”。");
                break;
            case NotifyAction { Recipients.Count: 0 }:
                Invalid(run, element, key, "a notification without recipients", "通知没有接收人");
                break;
            case NotifyAction { Template: var template } when string.IsNullOrWhiteSpace(template):
                Invalid(run, element, key, "a notification without a template", "通知没有模板");
                break;
            case AssignAction { To: not AssigneeSource.Rules, Value: var value } when string.IsNullOrWhiteSpace(value):
                Invalid(run, element, key, "an assignment without a user, role or form field", "分配未指定用户、角色或表单字段");
                break;
            case SetFieldAction { Field: var field } when run.KnownFields is { } known && !known.Contains(field):
                run.Add(ValidationCodes.UnknownField, element, key, $"'{key}' sets unknown field '{field}'.", $"“{key}”设置了不存在的字段“{field}”。");
                break;
            case CallWebhookAction { Url: var url } when !Uri.TryCreate(url, UriKind.Absolute, out _):
                Invalid(run, element, key, $"a webhook with an invalid URL '{url}'", $"Webhook 地址“{url}”无效");
                break;
        }
    }

    private static void UnknownTimer(ValidationRun run, DefinitionElement element, string key, string timer) =>
        run.Add(ValidationCodes.UnknownTimer, element, key, $"'{key}' refers to unknown timer '{timer}'.", $"“{key}”引用了不存在的定时器“{timer}”。");

    private static void Invalid(ValidationRun run, DefinitionElement element, string key, string en, string zh) =>
        run.Add(ValidationCodes.InvalidAction, element, key, $"'{key}' has {en}.", $"“{key}”中{zh}。");
}

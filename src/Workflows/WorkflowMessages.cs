using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows;

/// <summary>The engine's messages to users; codes are stable, texts may improve.</summary>
public static class WorkflowMessages
{
    /// <summary>The definition is not the version the instance runs on.</summary>
    public static WorkflowMessage DefinitionMismatch(string key, int version) => new(
        "workflow.definitionMismatch",
        $"This request runs on workflow {key} version {version}.",
        $"此服务请求运行在流程 {key} 的第 {version} 版上。");

    /// <summary>Someone else changed the request first.</summary>
    public static WorkflowMessage ConcurrencyConflict { get; } = new(
        "workflow.concurrencyConflict",
        "Someone else changed this request in the meantime. Reload it and try again.",
        "该服务请求已被他人修改，请刷新后重试。");

    /// <summary>No such transition.</summary>
    public static WorkflowMessage UnknownTransition(string key) => new(
        "workflow.unknownTransition", $"The workflow has no transition '{key}'.", $"流程中没有操作“{key}”。");

    /// <summary>The transition does not leave the current status.</summary>
    public static WorkflowMessage NotFromCurrentStatus(LocalizedText label, LocalizedText status) => new(
        "workflow.notFromCurrentStatus", $"'{label.En}' is not possible in status {status.En}.", $"当前状态“{status.Zh}”下不能执行“{label.Zh}”。");

    /// <summary>The user's roles do not allow the transition.</summary>
    public static WorkflowMessage RoleNotAllowed(LocalizedText label) => new(
        "workflow.roleNotAllowed", $"Your role does not allow '{label.En}'.", $"您的角色不能执行“{label.Zh}”。");

    /// <summary>Only the system fires the transition.</summary>
    public static WorkflowMessage AutomaticOnly(LocalizedText label) => new(
        "workflow.automaticOnly", $"'{label.En}' happens automatically and cannot be done by hand.", $"“{label.Zh}”由系统自动执行，不能手动操作。");

    /// <summary>The condition is false.</summary>
    public static WorkflowMessage ConditionFalse(LocalizedText label) => new(
        "workflow.conditionFalse", $"The conditions for '{label.En}' are not met.", $"不满足执行“{label.Zh}”的条件。");

    /// <summary>The condition has a syntax error.</summary>
    public static WorkflowMessage ConditionSyntax { get; } = new(
        "workflow.condition.syntax", "The condition has a syntax error.", "条件表达式有语法错误。");

    /// <summary>The condition ran too long.</summary>
    public static WorkflowMessage ConditionTimeout { get; } = new(
        "workflow.condition.timeout", "The condition took too long and was stopped.", "条件表达式执行超时，已被终止。");

    /// <summary>The condition used too much memory.</summary>
    public static WorkflowMessage ConditionMemory { get; } = new(
        "workflow.condition.memory", "The condition used too much memory and was stopped.", "条件表达式占用内存过多，已被终止。");

    /// <summary>The condition ran too many statements.</summary>
    public static WorkflowMessage ConditionStatements { get; } = new(
        "workflow.condition.statements", "The condition ran too many steps and was stopped.", "条件表达式执行步骤过多，已被终止。");

    /// <summary>The condition recursed too deeply.</summary>
    public static WorkflowMessage ConditionRecursion { get; } = new(
        "workflow.condition.recursion", "The condition recursed too deeply and was stopped.", "条件表达式递归过深，已被终止。");

    /// <summary>The condition threw.</summary>
    public static WorkflowMessage ConditionError { get; } = new(
        "workflow.condition.error", "The condition failed with an error.", "条件表达式执行出错。");

    /// <summary>The condition returned something other than true or false.</summary>
    public static WorkflowMessage ConditionNotBoolean { get; } = new(
        "workflow.condition.notBoolean", "The condition must evaluate to true or false.", "条件表达式的结果必须是 true 或 false。");

    /// <summary>Required fields are empty.</summary>
    public static WorkflowMessage MissingFields(IEnumerable<string> keys)
    {
        var list = string.Join(", ", keys);
        return new("workflow.missingFields", $"Please fill in: {list}.", $"请填写：{list}。");
    }

    /// <summary>No instance has that id.</summary>
    public static WorkflowMessage InstanceNotFound(string id) => new(
        "workflow.instanceNotFound", $"No workflow instance '{id}'.", $"找不到流程实例“{id}”。");

    /// <summary>The definition version is not stored.</summary>
    public static WorkflowMessage DefinitionNotFound(string key, int version) => new(
        "workflow.definitionNotFound", $"Workflow {key} version {version} does not exist.", $"流程 {key} 的第 {version} 版不存在。");

    /// <summary>The workflow has no published version to start on.</summary>
    public static WorkflowMessage NoPublishedVersion(string key) => new(
        "workflow.noPublishedVersion", $"Workflow {key} has no published version.", $"流程 {key} 没有已发布的版本。");

    /// <summary>The timer was cancelled or re-armed since the job was scheduled.</summary>
    public static WorkflowMessage TimerStale { get; } = new(
        "workflow.timerStale", "The timer is no longer armed; nothing to do.", "定时器已失效，无需处理。");

    /// <summary>The timer id belongs to another instance.</summary>
    public static WorkflowMessage TimerNotForInstance { get; } = new(
        "workflow.timerNotForInstance", "The timer belongs to another request.", "该定时器属于其他服务请求。");

    /// <summary>A timer fired but its transition could not run.</summary>
    public static WorkflowMessage TimerTransitionSkipped(string transition, WorkflowMessage why) => new(
        "workflow.timerTransitionSkipped", $"Timer transition '{transition}' skipped: {why.En}", $"定时操作“{transition}”未执行：{why.Zh}");
}

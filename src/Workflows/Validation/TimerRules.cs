using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Validation;

/// <summary>What arms each timer, when it is due, and what it fires.</summary>
internal static class TimerRules
{
    public static void Check(ValidationRun run)
    {
        foreach (var timer in run.Definition.Timers)
        {
            Start(run, timer);
            Due(run, timer);
            Effect(run, timer);
        }
    }

    private static void Start(ValidationRun run, TimerDefinition timer)
    {
        if (timer.StartsOn != TimerStart.StatusEntered)
        {
            return;
        }

        if (timer.Status is null)
        {
            run.Add(ValidationCodes.TimerWithoutStatus, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' starts on entering a status but names none.", $"定时器“{timer.Key}”在进入状态时启动，但未指定状态。");
        }
        else if (!run.HasStatus(timer.Status))
        {
            run.Add(ValidationCodes.UnknownStatus, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' refers to unknown status '{timer.Status}'.", $"定时器“{timer.Key}”引用了不存在的状态“{timer.Status}”。");
        }
    }

    private static void Due(ValidationRun run, TimerDefinition timer)
    {
        var due = timer.Due;
        var kinds = (due.Duration is null ? 0 : 1) + (due.Field is null ? 0 : 1) + (due.SlaClock is null ? 0 : 1);
        if (kinds != 1 || due.Duration <= TimeSpan.Zero)
        {
            run.Add(ValidationCodes.InvalidTimerDue, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' must be due after a positive duration, at a date field, or at an SLA target — exactly one of them.",
                $"定时器“{timer.Key}”的到期时间必须是正的时长、日期字段或 SLA 目标三者之一。");
        }

        if (due.Field is { } field && run.KnownFields is { } known && !known.Contains(field))
        {
            run.Add(ValidationCodes.UnknownField, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' is due at unknown field '{field}'.", $"定时器“{timer.Key}”引用了不存在的字段“{field}”。");
        }

        if (due.SlaClock is { } clock && run.Definition.SlaClocks.All(c => c.Clock != clock))
        {
            run.Add(ValidationCodes.UnknownSlaClock, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' follows SLA clock {clock}, which the workflow does not track.", $"定时器“{timer.Key}”引用的 SLA 计时 {clock} 未在流程中配置。");
        }
    }

    private static void Effect(ValidationRun run, TimerDefinition timer)
    {
        if (timer.Transition is null && timer.Actions.Count == 0)
        {
            run.Add(ValidationCodes.TimerWithoutEffect, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' neither fires a transition nor runs actions.", $"定时器“{timer.Key}”既不触发操作也不执行动作。");
        }

        if (timer.Transition is not { } key)
        {
            return;
        }

        if (run.Definition.FindTransition(key) is not { } transition)
        {
            run.Add(ValidationCodes.UnknownTransition, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' fires unknown transition '{key}'.", $"定时器“{timer.Key}”触发的操作“{key}”不存在。");
            return;
        }

        if (timer.StartsOn == TimerStart.StatusEntered && timer.Status is { } status && !transition.From.Contains(status))
        {
            run.Add(ValidationCodes.TimerTransitionNotFromStatus, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' runs in status '{status}' but transition '{key}' does not leave it.", $"定时器“{timer.Key}”在状态“{status}”中运行，但操作“{key}”不能从该状态执行。");
        }

        if (transition.RequiredFields.Count > 0)
        {
            run.Add(ValidationCodes.TimerTransitionNeedsFields, DefinitionElement.Timer, timer.Key,
                $"Timer '{timer.Key}' fires '{key}', which requires form fields no timer can fill in.", $"定时器“{timer.Key}”触发的操作“{key}”需要填写表单字段，定时器无法填写。");
        }
    }
}

using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Validation;

/// <summary>Keys, the start status, done statuses, reachability, variables and SLA clocks.</summary>
internal static class StructureRules
{
    public static void Check(ValidationRun run)
    {
        var d = run.Definition;
        if (!ValidationRun.IsValidKey(d.Key))
        {
            run.Add(ValidationCodes.InvalidKey, DefinitionElement.Definition, d.Key,
                $"Workflow key '{d.Key}' must start with a letter and contain only letters, digits, _ and -.", $"流程标识“{d.Key}”必须以字母开头，只能包含字母、数字、_ 和 -。");
        }

        Keys(run, d.Statuses.Select(s => s.Key), DefinitionElement.Status, "status", "状态");
        Keys(run, d.Transitions.Select(t => t.Key), DefinitionElement.Transition, "transition", "操作");
        Keys(run, d.Timers.Select(t => t.Key), DefinitionElement.Timer, "timer", "定时器");
        Keys(run, d.Variables.Select(v => v.Key), DefinitionElement.Variable, "variable", "变量");

        var starts = d.Statuses.Where(s => s.IsStart).ToList();
        if (starts.Count == 0)
        {
            run.Add(ValidationCodes.NoStartStatus, DefinitionElement.Definition, null, "No status is marked as the start status.", "没有设置起始状态。");
        }

        foreach (var extra in starts.Skip(1))
        {
            run.Add(ValidationCodes.MultipleStartStatuses, DefinitionElement.Status, extra.Key,
                $"Status '{extra.Key}' is a second start status; only one is allowed.", $"状态“{extra.Key}”是第二个起始状态，只能有一个。");
        }

        if (!d.Statuses.Any(s => s.Category == StatusCategory.Done))
        {
            run.Add(ValidationCodes.NoDoneStatus, DefinitionElement.Definition, null, "At least one status must be of category done.", "至少需要一个“已完成”类别的状态。");
        }

        if (starts.Count == 1)
        {
            var reached = Reachable(d, starts[0].Key);
            foreach (var status in d.Statuses.Where(s => !reached.Contains(s.Key)))
            {
                run.Add(ValidationCodes.UnreachableStatus, DefinitionElement.Status, status.Key,
                    $"Status '{status.Key}' cannot be reached from the start status.", $"从起始状态无法到达状态“{status.Key}”。");
            }
        }

        foreach (var variable in d.Variables.Where(v => v.Default is not null && !Reads(v)))
        {
            run.Add(ValidationCodes.InvalidVariableDefault, DefinitionElement.Variable, variable.Key,
                $"The default of variable '{variable.Key}' is not a {variable.Type}.", $"变量“{variable.Key}”的默认值不是 {variable.Type} 类型。");
        }

        foreach (var clock in d.SlaClocks.GroupBy(c => c.Clock).Where(g => g.Count() > 1))
        {
            run.Add(ValidationCodes.DuplicateSlaClock, DefinitionElement.SlaClock, clock.Key.ToString(),
                $"SLA clock {clock.Key} is configured more than once.", $"SLA 计时 {clock.Key} 重复配置。");
        }

        foreach (var clock in d.SlaClocks)
        {
            foreach (var status in clock.StopsIn.Where(s => !run.HasStatus(s)))
            {
                run.Add(ValidationCodes.UnknownStatus, DefinitionElement.SlaClock, clock.Clock.ToString(),
                    $"SLA clock {clock.Clock} stops in unknown status '{status}'.", $"SLA 计时 {clock.Clock} 引用了不存在的状态“{status}”。");
            }
        }
    }

    private static void Keys(ValidationRun run, IEnumerable<string> keys, DefinitionElement element, string en, string zh)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!ValidationRun.IsValidKey(key))
            {
                run.Add(ValidationCodes.InvalidKey, element, key,
                    $"The {en} key '{key}' must start with a letter and contain only letters, digits, _ and -.", $"{zh}标识“{key}”必须以字母开头，只能包含字母、数字、_ 和 -。");
            }
            else if (!seen.Add(key))
            {
                run.Add(ValidationCodes.DuplicateKey, element, key, $"Two {en}s have the key '{key}'.", $"有两个{zh}使用了相同的标识“{key}”。");
            }
        }
    }

    private static HashSet<string> Reachable(WorkflowDefinition d, string start)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var status))
        {
            foreach (var next in d.Transitions.Where(t => t.From.Contains(status)).Select(t => t.To).Where(reached.Add))
            {
                queue.Enqueue(next);
            }
        }

        return reached;
    }

    private static bool Reads(VariableDefinition variable) => Runtime.WorkflowVariables.Read(variable.Type, variable.Default) is not null;
}

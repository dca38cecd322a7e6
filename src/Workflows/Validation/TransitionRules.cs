using AfterSales.Workflows.Conditions;
using AfterSales.Workflows.Definitions;
using Jint;

namespace AfterSales.Workflows.Validation;

/// <summary>Sources and targets, roles, conditions and required fields of transitions.</summary>
internal static class TransitionRules
{
    // The names any script may use without declaring them: JavaScript's own globals, read from a bare engine so
    // they follow the Jint version.
    private static readonly HashSet<string> Builtins = BuiltinNames();

    public static void Check(ValidationRun run)
    {
        foreach (var t in run.Definition.Transitions)
        {
            if (t.From.Count == 0)
            {
                run.Add(ValidationCodes.TransitionWithoutSource, DefinitionElement.Transition, t.Key,
                    $"Transition '{t.Key}' does not leave from any status.", $"操作“{t.Key}”没有起始状态。");
            }

            foreach (var status in t.From.Append(t.To).Where(s => !run.HasStatus(s)).Distinct())
            {
                run.Add(ValidationCodes.UnknownStatus, DefinitionElement.Transition, t.Key,
                    $"Transition '{t.Key}' refers to unknown status '{status}'.", $"操作“{t.Key}”引用了不存在的状态“{status}”。");
            }

            Roles(run, t);
            Condition(run, t);
            foreach (var field in t.RequiredFields.Where(f => run.KnownFields is { } known && !known.Contains(f)))
            {
                run.Add(ValidationCodes.UnknownField, DefinitionElement.Transition, t.Key,
                    $"Transition '{t.Key}' requires unknown field '{field}'.", $"操作“{t.Key}”要求填写不存在的字段“{field}”。");
            }
        }
    }

    private static void Roles(ValidationRun run, TransitionDefinition t)
    {
        if (t.Trigger == TransitionTrigger.Manual && t.Roles.Count == 0)
        {
            run.Add(ValidationCodes.TransitionWithoutRoles, DefinitionElement.Transition, t.Key,
                $"Nobody may fire transition '{t.Key}': give it roles or make it automatic.", $"操作“{t.Key}”没有设置角色，无人可执行；请设置角色或改为自动操作。");
        }

        foreach (var role in t.Roles.Where(r => r != TransitionDefinition.AssigneeRole && run.KnownRoles is { } known && !known.Contains(r)))
        {
            run.Add(ValidationCodes.UnknownRole, DefinitionElement.Transition, t.Key,
                $"Transition '{t.Key}' names unknown role '{role}'.", $"操作“{t.Key}”引用了不存在的角色“{role}”。");
        }
    }

    private static void Condition(ValidationRun run, TransitionDefinition t)
    {
        if (string.IsNullOrWhiteSpace(t.Condition))
        {
            return;
        }

        var compiled = run.Conditions.Compile(t.Condition);
        if (!compiled.Succeeded)
        {
            run.Add(ValidationCodes.ConditionSyntax, DefinitionElement.Transition, t.Key,
                $"The condition of '{t.Key}' has a syntax error: {compiled.Error}", $"操作“{t.Key}”的条件表达式有语法错误：{compiled.Error}");
            return;
        }

        foreach (var name in compiled.ReferencedGlobals.Where(n => !ConditionScope.Names.Contains(n) && !Builtins.Contains(n)).Order(StringComparer.Ordinal))
        {
            run.Add(ValidationCodes.ConditionUnknownName, DefinitionElement.Transition, t.Key,
                $"The condition of '{t.Key}' uses unknown name '{name}'.", $"操作“{t.Key}”的条件表达式使用了未知名称“{name}”。");
        }
    }

    private static HashSet<string> BuiltinNames()
    {
        var engine = new Engine();
        var names = engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        names.UnionWith(["undefined", "NaN", "Infinity", "globalThis"]);
        return names;
    }
}

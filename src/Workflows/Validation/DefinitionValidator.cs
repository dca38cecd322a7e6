using AfterSales.Workflows.Conditions;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Validation;

/// <summary>
/// Checks a definition before it is published: structure (one start, reachable statuses, a done status, known
/// references, unique keys), who may act (roles), and that conditions parse. Every issue points at the element it is
/// about so the designer can mark it on the diagram. Thread-safe.
/// </summary>
public sealed class DefinitionValidator(ConditionEvaluator? conditions = null)
{
    private readonly ConditionEvaluator conditions = conditions ?? ConditionEvaluator.Default;

    /// <summary>Validates <paramref name="definition"/>.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="knownFieldKeys">Request and custom field keys that exist; null skips field checks.</param>
    /// <param name="knownRoles">Roles that exist; null skips role checks.</param>
    public ValidationReport Validate(WorkflowDefinition definition, IReadOnlySet<string>? knownFieldKeys = null, IReadOnlySet<string>? knownRoles = null)
    {
        var run = new ValidationRun(definition, conditions, knownFieldKeys, knownRoles);
        StructureRules.Check(run);
        TransitionRules.Check(run);
        TimerRules.Check(run);
        ActionRules.Check(run);
        return new ValidationReport(run.Issues);
    }
}

using System.Text.RegularExpressions;
using AfterSales.Workflows.Conditions;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Validation;

/// <summary>The state of one validation: what is checked against what, and the issues found so far.</summary>
internal sealed partial class ValidationRun(WorkflowDefinition definition, ConditionEvaluator conditions, IReadOnlySet<string>? knownFields, IReadOnlySet<string>? knownRoles)
{
    private readonly List<ValidationIssue> issues = [];

    public WorkflowDefinition Definition { get; } = definition;

    public ConditionEvaluator Conditions { get; } = conditions;

    public IReadOnlySet<string>? KnownFields { get; } = knownFields;

    public IReadOnlySet<string>? KnownRoles { get; } = knownRoles;

    public IReadOnlyList<ValidationIssue> Issues => issues;

    public bool HasStatus(string key) => Definition.FindStatus(key) is not null;

    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    public void Add(string code, DefinitionElement element, string? key, string en, string zh) =>
        issues.Add(new ValidationIssue(code, new WorkflowMessage($"workflow.validation.{code}", en, zh), element, key));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex KeyPattern();
}

using System.Globalization;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>The drop-down entries the designer's panels and the simulator share, named in the reader's language.</summary>
public static class DesignerChoices
{
    /// <summary>The tenant roles (names from the shared texts), optionally with "the assignee" first.</summary>
    public static IReadOnlyList<Choice<string>> Roles(IStringLocalizer shared, IStringLocalizer workflow, bool withAssignee) =>
    [
        .. withAssignee ? [new Choice<string>(TransitionDefinition.AssigneeRole, workflow["Designer.Assignee"])] : Array.Empty<Choice<string>>(),
        .. WorkflowRoles.All.Order(StringComparer.Ordinal).Select(r => new Choice<string>(r, shared["Roles." + r])),
    ];

    /// <summary>
    /// The offered fields, plus any key <paramref name="inUse"/> that is not among them (so a value the definition
    /// already holds still shows, flagged by the validator rather than silently dropped).
    /// </summary>
    public static IReadOnlyList<Choice<string>> Fields(IReadOnlyList<DesignerField> fields, CultureInfo culture, IEnumerable<string?>? inUse = null) =>
    [
        .. fields.Select(f => new Choice<string>(f.Key, f.Label.For(culture) is var label && label != f.Key ? $"{label} ({f.Key})" : f.Key)),
        .. (inUse ?? []).OfType<string>().Where(k => k.Length > 0 && fields.All(f => f.Key != k)).Distinct().Select(k => new Choice<string>(k, k)),
    ];

    /// <summary>The statuses by name.</summary>
    public static IReadOnlyList<Choice<string>> Statuses(WorkflowDefinition definition, CultureInfo culture) =>
        [.. definition.Statuses.Select(s => new Choice<string>(s.Key, s.Name.For(culture)))];

    /// <summary>The transitions by label, with their key (labels repeat, e.g. two "Not solved").</summary>
    public static IReadOnlyList<Choice<string>> Transitions(WorkflowDefinition definition, CultureInfo culture) =>
        [.. definition.Transitions.Select(t => new Choice<string>(t.Key, $"{t.Label.For(culture)} ({t.Key})"))];

    /// <summary>The timers by name.</summary>
    public static IReadOnlyList<Choice<string>> Timers(WorkflowDefinition definition, CultureInfo culture) =>
        [.. definition.Timers.Select(t => new Choice<string>(t.Key, t.Name?.For(culture) ?? t.Key))];

    /// <summary>The members of <typeparamref name="TEnum"/>, named by the texts <paramref name="prefix"/> + member.</summary>
    public static IReadOnlyList<Choice<TEnum>> Of<TEnum>(IStringLocalizer workflow, string prefix) where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new Choice<TEnum>(v, workflow[prefix + v]))];
}

using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using AfterSales.Workflows.Actions;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// The kinds of action the engine knows, read from its own JSON discriminators so a kind added to the engine shows
/// up here, each with the blank action the designer adds and a one-line summary.
/// </summary>
public static class ActionKinds
{
    private static readonly IReadOnlyList<(string Kind, Type Type)> Known = [.. typeof(WorkflowAction)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Select(a => ((string)a.TypeDiscriminator!, a.DerivedType))];

    /// <summary>Every kind, as in the definition JSON (<c>assign</c>, <c>notify</c>…).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Known.Select(k => k.Kind)];

    /// <summary>The kind of <paramref name="action"/>.</summary>
    public static string Of(WorkflowAction action) => Known.First(k => k.Type == action.GetType()).Kind;

    /// <summary>A new action of <paramref name="kind"/>, filled where a sensible default exists; the validator points at what is left to fill.</summary>
    public static WorkflowAction Create(string kind) => kind switch
    {
        "assign" => new AssignAction { To = AssigneeSource.FormField, Value = "assigneeId" },
        "notify" => new NotifyAction { Recipients = [Recipient.Assignee], Template = "" },
        "setField" => new SetFieldAction { Field = "" },
        "addComment" => new AddCommentAction(),
        "createReturnVisit" => new CreateReturnVisitAction(),
        "startTimer" => new StartTimerAction { Timer = "" },
        "cancelTimer" => new CancelTimerAction { Timer = "" },
        "callWebhook" => new CallWebhookAction { Url = WebhookTargets.Listeners },
        "lockForManager" => new LockForManagerAction { Reason = "" },
        "setVariable" => new SetVariableAction { Variable = "" },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The engine knows no such action."),
    };

    /// <summary>What the action does, in one line of the reader's language.</summary>
    public static string Summary(WorkflowAction action, IStringLocalizer workflow, CultureInfo culture)
    {
        string FromForm(string? field) => field is null ? "" : workflow["Designer.FromForm", field];
        return action switch
        {
            AssignAction a => $"{workflow["Designer.AssigneeSource." + a.To]}: {a.Value}",
            NotifyAction n => $"{workflow["Designer.Channel." + n.Channel]} → {string.Join(", ", n.Recipients.Select(r => r.Value ?? workflow["Designer.Recipient." + r.Kind]))} · {n.Template}",
            SetFieldAction s => $"{s.Field} = {(s.FromFormField is null ? s.Value ?? "∅" : FromForm(s.FromFormField))}",
            AddCommentAction c => (c.Text?.For(culture) ?? FromForm(c.FromFormField)) + (c.IsPublic ? $" · {workflow["Designer.Public"]}" : ""),
            CreateReturnVisitAction r => string.Join(" · ", new[] { r.Role, r.DueIn is { } due ? workflow["Designer.DueIn", DurationParts.Describe(due, workflow)].Value : null }.OfType<string>()),
            StartTimerAction t => t.Timer,
            CancelTimerAction t => t.Timer,
            CallWebhookAction w => $"{(w.Url == WebhookTargets.Listeners ? workflow["Designer.WebhookListeners"] : w.Url)} · {AfterSales.Modules.Webhooks.WebhookHandler.EventOf(w)}",
            LockForManagerAction l => l.Reason,
            SetVariableAction v => $"{v.Variable} = {(v.FromFormField is null ? v.Value ?? "∅" : FromForm(v.FromFormField))}",
            _ => "",
        };
    }
}
